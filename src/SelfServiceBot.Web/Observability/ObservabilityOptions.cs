namespace SelfServiceBot.Web.Observability;

/// <summary>
/// Which exporters get the app's traces and metrics (docs/observability.md). Nothing is collected unless one is on: an OTLP
/// endpoint (here or the standard OTEL_EXPORTER_OTLP_ENDPOINT), the Prometheus scrape endpoint, or Azure Monitor
/// (APPLICATIONINSIGHTS_CONNECTION_STRING).
/// </summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Observability";

    /// <summary>
    /// Collect traces and metrics. Unset: when an exporter is configured. True with no exporter configured here is for
    /// exporters added in code (the tests' in-memory exporter); false turns everything off whatever is configured.
    /// </summary>
    public bool? Collect { get; set; }

    /// <summary>service.name on everything exported (the standard OTEL_SERVICE_NAME wins).</summary>
    public string ServiceName { get; set; } = "selfservicebot";

    public OtlpSettings Otlp { get; set; } = new();

    public PrometheusSettings Prometheus { get; set; } = new();

    public sealed class OtlpSettings
    {
        /// <summary>E.g. http://localhost:4317 (grpc) or http://localhost:4318 (http/protobuf). Empty: OTEL_EXPORTER_OTLP_ENDPOINT, else off.</summary>
        public string? Endpoint { get; set; }

        /// <summary>grpc (default) or http/protobuf; OTEL_EXPORTER_OTLP_PROTOCOL when only the standard variable is set.</summary>
        public string Protocol { get; set; } = "grpc";
    }

    public sealed class PrometheusSettings
    {
        /// <summary>Serves the metrics in Prometheus text format for a scraper. Off by default: the endpoint has no sign-in.</summary>
        public bool Enabled { get; set; }

        public string Path { get; set; } = "/metrics";
    }
}
