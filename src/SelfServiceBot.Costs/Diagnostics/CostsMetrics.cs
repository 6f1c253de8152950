using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Diagnostics;

namespace SelfServiceBot.Costs.Diagnostics;

/// <summary>
/// How far the contact ledger is behind the conversation events: in events (the newest event's id less the checkpoint's)
/// and in seconds (the age of the oldest event not applied yet; 0 when it is current). Read from the database at most once
/// per <see cref="GaugeMaxAge"/>, only while something collects; every instance reports the same figure.
/// </summary>
public sealed class CostsMetrics
{
    public const string Name = "SelfServiceBot.Costs";

    public static readonly TimeSpan GaugeMaxAge = TimeSpan.FromSeconds(5);

    private readonly PeriodicSample<LedgerLag> _lag;

    public CostsMetrics(IMeterFactory meters, IDbContextFactory<BotDbContext> factory, TimeProvider clock, ILogger<CostsMetrics> logger)
    {
        var meter = meters.Create(Name);
        _lag = new(() => Read(factory, clock), GaugeMaxAge, clock, logger);
        meter.CreateObservableGauge("ssb.ledger.lag", () => _lag.Value is { } lag ? [new Measurement<long>(lag.Events)] : Array.Empty<Measurement<long>>(),
            "{event}", "Conversation events the contact ledger has not applied yet (newest event id less the ledger's checkpoint)");
        meter.CreateObservableGauge("ssb.ledger.lag.age", () => _lag.Value is { } lag ? [new Measurement<double>(lag.Seconds)] : Array.Empty<Measurement<double>>(),
            "s", "Age of the oldest conversation event the contact ledger has not applied yet; 0 when it is current");
    }

    private sealed record LedgerLag(long Events, double Seconds);

    private static LedgerLag Read(IDbContextFactory<BotDbContext> factory, TimeProvider clock)
    {
        using var db = factory.CreateDbContext();
        var checkpoint = db.ContactProjections().AsNoTracking().Where(p => p.Name == ContactProjectionState.ContactsName)
            .Select(p => (long?)p.LastEventId).SingleOrDefault() ?? 0;
        var newest = db.ConversationEvents.Max(e => (long?)e.Id) ?? 0;
        if (newest <= checkpoint)
        {
            return new LedgerLag(0, 0);
        }
        var oldest = db.ConversationEvents.AsNoTracking().Where(e => e.Id > checkpoint).OrderBy(e => e.Id)
            .Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault();
        var seconds = oldest is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : 0;
        return new LedgerLag(newest - checkpoint, seconds);
    }
}
