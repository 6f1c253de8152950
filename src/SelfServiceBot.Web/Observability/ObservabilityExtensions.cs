using System.Reflection;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SelfServiceBot.BotFramework.Diagnostics;
using SelfServiceBot.Conversation.Diagnostics;
using SelfServiceBot.Costs.Diagnostics;
using SelfServiceBot.Handoff.Diagnostics;
using SelfServiceBot.Knowledge.Diagnostics;
using SelfServiceBot.Web.Health;

namespace SelfServiceBot.Web.Observability;

/// <summary>
/// The service defaults: health probes, and OpenTelemetry traces, metrics and logs from the modules' own sources and meters
/// plus ASP.NET Core, HttpClient and EF Core, to the exporters configuration turns on (<see cref="ObservabilityOptions"/>).
/// With none on, nothing listens: a span the modules start is null and a counter's Add is a flag check.
/// </summary>
public static class ObservabilityExtensions
{
    /// <summary>The modules' ActivitySources.</summary>
    public static readonly string[] Sources = [BotFrameworkTelemetry.Name, ConversationTelemetry.Name, KnowledgeTelemetry.Name, HandoffTelemetry.Name];

    /// <summary>The modules' meters, and Npgsql's own (connection pool, command durations) when PostgreSQL is used.</summary>
    public static readonly string[] Meters = [.. Sources, CostsMetrics.Name, "Npgsql"];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealth();
        builder.Services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.SectionName);
        var options = builder.Configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var exporters = ObservabilityExporters.From(builder.Configuration, options);
        builder.Services.AddSingleton(exporters);
        if (!exporters.Collecting)
        {
            return builder;
        }

        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(
            builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : options.ServiceName,
            serviceVersion: typeof(ObservabilityExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion));
        if (exporters.Traces)
        {
            otel.WithTracing(tracing =>
            {
                // SignalR's hub method spans: each agent action in the console (claim, reply, transfer) is a trace of its own.
                tracing.AddSource(Sources).AddSource("Microsoft.AspNetCore.SignalR.Server").AddEntityFrameworkCoreInstrumentation();
                // The Azure Monitor distro brings its own ASP.NET Core and HttpClient instrumentation; twice would double the spans.
                if (!exporters.AzureMonitor)
                {
                    tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrapeOrProbe(context.Request.Path, options))
                        .AddHttpClientInstrumentation();
                }
            });
        }
        if (exporters.Metrics)
        {
            otel.WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddRuntimeInstrumentation();
                if (!exporters.AzureMonitor)
                {
                    metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
                if (exporters.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        }
        if (exporters.Otlp)
        {
            otel.WithLogging();
            if (options.Otlp.Endpoint is { Length: > 0 } endpoint)
            {
                otel.UseOtlpExporter(ParseProtocol(options.Otlp.Protocol), new Uri(endpoint));
            }
            else
            {
                // The standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) configure it.
                otel.UseOtlpExporter();
            }
        }
        if (exporters.AzureMonitor)
        {
            // Reads APPLICATIONINSIGHTS_CONNECTION_STRING; also sends the logs.
            otel.UseAzureMonitor();
        }
        return builder;
    }

    /// <summary>The health probes, the Prometheus scrape endpoint when it is on, and the modules' gauges from the start.</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapHealth();
        var exporters = app.Services.GetRequiredService<ObservabilityExporters>();
        if (exporters.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Prometheus.Path);
        }
        if (exporters.Metrics)
        {
            // Observable gauges exist once their owner does: made now, they report before the first hand-off or ledger pass.
            app.Services.GetRequiredService<HandoffMetrics>();
            app.Services.GetRequiredService<CostsMetrics>();
        }
        return app;
    }

    private static bool IsScrapeOrProbe(PathString path, ObservabilityOptions options) =>
        HealthEndpoints.IsProbe(path) || (options.Prometheus.Enabled && path.StartsWithSegments(options.Prometheus.Path));

    private static OtlpExportProtocol ParseProtocol(string protocol) => protocol.Trim().ToLowerInvariant() switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"Observability:Otlp:Protocol must be grpc or http/protobuf, not '{protocol}'."),
    };
}
