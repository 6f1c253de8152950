using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Messages;

namespace SelfServiceBot.Web.Tests.Observability;

/// <summary>The exporters configuration turns on really send: to a loopback stand-in for an OTLP collector and for Azure Monitor.</summary>
public sealed class ExporterTests
{
    [Fact]
    public async Task An_OTLP_endpoint_in_the_settings_gets_the_traces_and_the_metrics_over_http_protobuf()
    {
        var received = new ConcurrentQueue<(string Path, string? ContentType, long Length)>();
        await using var collector = await LoopbackServer.StartAsync(web => web.Run(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Enqueue((http.Request.Path.Value!, http.Request.ContentType, body.Length));
        }));
        await using var connector = await ConnectorStandIn.StartAsync();
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["Observability:Otlp:Endpoint"] = collector.BaseAddress.ToString(),
            ["Observability:Otlp:Protocol"] = "http/protobuf",
        });
        using var client = app.CreateHttpClient();

        await ChannelRequests.PostAsync(client, ChannelRequests.Message(connector.ServiceUrl, "How do I track my order?", Channels.Emulator), token: null);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Contains(received, r => r.Path == "/v1/traces" && r.ContentType == "application/x-protobuf" && r.Length > 0);
        Assert.Contains(received, r => r.Path == "/v1/metrics" && r.ContentType == "application/x-protobuf" && r.Length > 0);
    }

    [Fact]
    public async Task An_Application_Insights_connection_string_sends_the_telemetry_to_its_ingestion_endpoint()
    {
        var received = new ConcurrentQueue<string>();
        await using var ingestion = await LoopbackServer.StartAsync(web => web.Run(async http =>
        {
            received.Enqueue(http.Request.Path.Value!);
            await http.Response.WriteAsJsonAsync(new { itemsReceived = 1, itemsAccepted = 1, errors = Array.Empty<object>() });
        }));
        await using var connector = await ConnectorStandIn.StartAsync();
        var endpoint = ingestion.BaseAddress.ToString();
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
                $"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint={endpoint};LiveEndpoint={endpoint}",
        });
        using var client = app.CreateHttpClient();

        await ChannelRequests.PostAsync(client, ChannelRequests.Message(connector.ServiceUrl, "How do I track my order?", Channels.Emulator), token: null);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        // The exporter hands its batch to a transmitter of its own: wait for the delivery, not for a clock.
        for (var i = 0; i < 150 && !received.Any(IsTrack); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(received, IsTrack);
    }

    private static bool IsTrack(string path) => path.EndsWith("/track", StringComparison.Ordinal);
}
