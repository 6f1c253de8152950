using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Messages;

namespace SelfServiceBot.Web.Tests.Observability;

/// <summary>The gauges read from the database: what the desk's tables and the ledger's checkpoint say, once per interval.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class GaugeTelemetryTests
{
    private static readonly TimeSpan PastTheCache = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Ledger_lag_is_the_events_the_ledger_has_not_applied_and_falls_to_0_once_it_caught_up()
    {
        var telemetry = new TelemetryCapture();
        var clock = new ShiftableClock();
        await using var connector = await ConnectorStandIn.StartAsync();
        using var app = new AppServer(TelemetryCapture.Settings(("Costs:LedgerIntervalSeconds", "0")), services =>
        {
            telemetry.AddTo(services);
            services.AddSingleton<TimeProvider>(clock);
        });
        using var client = app.CreateHttpClient();
        await ChannelRequests.PostAsync(client, ChannelRequests.Message(connector.ServiceUrl, "How do I track my order?", Channels.Emulator), token: null);
        clock.Advance(TimeSpan.FromMinutes(2));
        long newest;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
        {
            newest = await db.ConversationEvents.MaxAsync(e => e.Id);
        }

        var behind = Gauge(telemetry, app.Services, "ssb.ledger.lag");
        var age = telemetry.Metric(app.Services, "ssb.ledger.lag.age")!.MetricPoints.Single().GetGaugeLastValueDouble();
        await app.Services.GetRequiredService<ContactLedger>().CatchUpAsync(default);
        var stillCached = Gauge(telemetry, app.Services, "ssb.ledger.lag");
        clock.Advance(PastTheCache);
        var caughtUp = Gauge(telemetry, app.Services, "ssb.ledger.lag");

        Assert.True(newest >= 3, "contact started, the customer's message, the answer shown");
        Assert.Equal(newest, behind);
        Assert.InRange(age, 120, 180);
        Assert.Equal(newest, stillCached);
        Assert.Equal(0, caughtUp);
    }

    [Fact]
    public async Task Queue_length_and_agents_online_report_the_desks_tables()
    {
        var telemetry = new TelemetryCapture();
        var clock = new ShiftableClock();
        await using var connector = await ConnectorStandIn.StartAsync();
        using var app = new AppServer(TelemetryCapture.Settings(), services =>
        {
            telemetry.AddTo(services);
            services.AddSingleton<TimeProvider>(clock);
        });
        using var client = app.CreateHttpClient();
        Assert.Equal(0, Gauge(telemetry, app.Services, "ssb.agents.online"));
        // Online, but full: the request waits in its queue. Set online without a console (no LastSeenAt): presence
        // sweeps leave such an agent alone.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
        {
            db.Agents().Add(new AgentRecord { UserId = "agent-1", DisplayName = "Anna", Presence = AgentPresence.Online, Capacity = 0 });
            db.Agents().Add(new AgentRecord { UserId = "agent-2", DisplayName = "Bo", Presence = AgentPresence.Offline });
            await db.SaveChangesAsync();
        }

        await ChannelRequests.PostAsync(client, ChannelRequests.Message(connector.ServiceUrl, "talk to a human", Channels.Emulator), token: null);
        clock.Advance(PastTheCache);

        Assert.Equal(1, Gauge(telemetry, app.Services, "ssb.agents.online"));
        var queues = telemetry.Metric(app.Services, "ssb.handoff.queue.length")!;
        var waiting = Assert.Single(queues.MetricPoints);
        Assert.Equal(1, waiting.GetGaugeLastValueLong());
        Assert.True(TelemetryCapture.Matches(waiting, [("ssb.handoff.queue", "general/en")]), "the default queue for English");
        Assert.Equal(1, telemetry.Sum(app.Services, "ssb.handoffs", ("ssb.handoff.reason", "explicit_request"), ("ssb.handoff.status", "queued")));
    }

    private static long Gauge(TelemetryCapture telemetry, IServiceProvider app, string name) =>
        telemetry.Metric(app, name)!.MetricPoints.Single().GetGaugeLastValueLong();
}
