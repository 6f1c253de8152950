namespace SelfServiceBot.Web.Observability;

/// <summary>
/// What the configuration turns on, decided once while the app is composed. A signal is collected only when something
/// takes it: Prometheus alone takes metrics, so no span is made for it.
/// </summary>
public sealed record ObservabilityExporters(bool Otlp, bool Prometheus, bool AzureMonitor, bool Traces, bool Metrics)
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public bool Collecting => Traces || Metrics;

    public static ObservabilityExporters From(IConfiguration configuration, ObservabilityOptions options)
    {
        if (options.Collect == false)
        {
            return new ObservabilityExporters(false, false, false, false, false);
        }
        var otlp = options.Otlp.Endpoint is { Length: > 0 } || configuration[OtlpEndpointVariable] is { Length: > 0 };
        var prometheus = options.Prometheus.Enabled;
        var azure = configuration[AzureMonitorVariable] is { Length: > 0 };
        var inCode = options.Collect == true;
        return new ObservabilityExporters(otlp, prometheus, azure, Traces: otlp || azure || inCode, Metrics: otlp || azure || prometheus || inCode);
    }
}
