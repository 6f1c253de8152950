using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Diagnostics;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Diagnostics;

/// <summary>
/// Hand-offs by reason, the wait for an agent, and two gauges read from the desk's tables: chats waiting per queue and
/// agents online. The gauges are the database's view (every instance reports the same figure: take max, not sum, across
/// instances), read at most once per <see cref="GaugeMaxAge"/> and only while something collects.
/// </summary>
public sealed class HandoffMetrics
{
    public static readonly TimeSpan GaugeMaxAge = TimeSpan.FromSeconds(5);

    private readonly Counter<long> _handoffs;
    private readonly Histogram<double> _queueWait;
    private readonly PeriodicSample<Dictionary<string, int>> _queues;
    private readonly PeriodicSample<int[]> _agentsOnline;

    public HandoffMetrics(IMeterFactory meters, IDbContextFactory<BotDbContext> factory, TimeProvider clock, ILogger<HandoffMetrics> logger)
    {
        var meter = meters.Create(HandoffTelemetry.Name);
        _handoffs = meter.CreateCounter<long>("ssb.handoffs", "{handoff}", "Hand-off requests, by reason and where they went (queued, offline, external)");
        _queueWait = meter.CreateHistogram("ssb.handoff.queue.wait", "s", "How long a customer waited in a queue for an agent, by queue",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600] });
        _queues = new(() => ReadQueues(factory), GaugeMaxAge, clock, logger);
        _agentsOnline = new(() => [ReadAgentsOnline(factory)], GaugeMaxAge, clock, logger);
        meter.CreateObservableGauge("ssb.handoff.queue.length", ObserveQueues, "{handoff}", "Chats waiting for an agent, by queue");
        meter.CreateObservableGauge("ssb.agents.online", ObserveAgents, "{agent}", "Agents whose presence is online");
    }

    public void Requested(string reason, string status)
    {
        if (_handoffs.Enabled)
        {
            _handoffs.Add(1, new(HandoffTelemetry.ReasonAttribute, reason), new(HandoffTelemetry.StatusAttribute, status));
        }
    }

    public void Assigned(string queue, TimeSpan waited)
    {
        if (_queueWait.Enabled)
        {
            _queueWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>(HandoffTelemetry.QueueAttribute, queue));
        }
    }

    private IEnumerable<Measurement<int>> ObserveQueues() =>
        _queues.Value is { } queues
            ? queues.Select(q => new Measurement<int>(q.Value, new KeyValuePair<string, object?>(HandoffTelemetry.QueueAttribute, q.Key)))
            : [];

    private IEnumerable<Measurement<int>> ObserveAgents() =>
        _agentsOnline.Value is [var online] ? [new Measurement<int>(online)] : [];

    // Synchronous reads: a gauge callback runs on the collector's thread, and these are one indexed aggregate each.
    private static Dictionary<string, int> ReadQueues(IDbContextFactory<BotDbContext> factory)
    {
        using var db = factory.CreateDbContext();
        return db.HandoffRequests().AsNoTracking().Where(h => h.Status == HandoffStatus.Queued)
            .GroupBy(h => h.Queue).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionary(x => x.Key, x => x.Count);
    }

    private static int ReadAgentsOnline(IDbContextFactory<BotDbContext> factory)
    {
        using var db = factory.CreateDbContext();
        return db.Agents().AsNoTracking().Count(a => a.Presence == AgentPresence.Online);
    }
}
