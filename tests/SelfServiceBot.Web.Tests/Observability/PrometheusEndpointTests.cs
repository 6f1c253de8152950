using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Messages;

namespace SelfServiceBot.Web.Tests.Observability;

/// <summary>The Prometheus scrape endpoint: absent unless configured, then the app's metrics in Prometheus text.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task Metrics_is_not_served_by_default_and_nothing_collects()
    {
        using var app = new AppServer();
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_Prometheus_enabled_metrics_serves_the_turn_counter_the_search_latency_and_the_gauges_in_Prometheus_text()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        using var app = new AppServer(new Dictionary<string, string?> { ["Observability:Prometheus:Enabled"] = "true" });
        using var client = app.CreateHttpClient();
        var turn = await ChannelRequests.PostAsync(client, ChannelRequests.Message(connector.ServiceUrl, "How do I track my order?", Channels.Emulator), token: null);
        Assert.Equal(HttpStatusCode.OK, turn.StatusCode);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var turns = text.Split('\n').Single(l => l.StartsWith("ssb_turns_total{", StringComparison.Ordinal)
            && l.Contains("ssb_channel=\"emulator\"", StringComparison.Ordinal) && l.Contains("ssb_turn_outcome=\"processed\"", StringComparison.Ordinal));
        Assert.Equal("1", turns.Split(' ')[1]);
        Assert.Contains("# TYPE ssb_knowledge_search_duration_milliseconds histogram", text);
        Assert.Contains("ssb_answers_total{", text);
        // The gauges read from the database: nobody online, the ledger's lag measured.
        Assert.Contains("ssb_agents_online ", text.Replace("ssb_agents_online{", "ssb_agents_online ", StringComparison.Ordinal));
        Assert.Contains("# TYPE ssb_ledger_lag gauge", text);
        // Prometheus takes metrics only: no span is made for it.
        Assert.Null(app.Services.GetService<TracerProvider>());
    }
}
