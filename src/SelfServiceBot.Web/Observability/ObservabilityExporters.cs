namespace SelfServiceBot.Web.Observability;

/// <summary>What the configuration turns on, decided once while the app is composed.</summary>
public sealed record ObservabilityExporters(bool Otlp, bool Prometheus, bool AzureMonitor, bool Collecting)
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static ObservabilityExporters From(IConfiguration configuration, ObservabilityOptions options)
    {
        var otlp = options.Otlp.Endpoint is { Length: > 0 } || configuration[OtlpEndpointVariable] is { Length: > 0 };
        var prometheus = options.Prometheus.Enabled;
        var azure = configuration[AzureMonitorVariable] is { Length: > 0 };
        var collecting = options.Collect ?? (otlp || prometheus || azure);
        return new ObservabilityExporters(otlp && collecting, prometheus && collecting, azure && collecting, collecting);
    }
}
