using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;
using SelfServiceBot.Data.Retention;

namespace SelfServiceBot.BotFramework.Storage;

/// <summary>
/// Deletes idempotency claims older than <see cref="DatabaseOptions.ProcessedActivityRetentionDays"/>, every hour. Channels
/// redeliver within minutes, so an old claim guards nothing, while one row per inbound activity would grow the table (and
/// the key every claim is checked against) for ever. Small batches: on SQLite each holds the write lock only briefly.
/// Every instance prunes; deleting what another instance already deleted is harmless.
/// </summary>
internal sealed class ProcessedActivityPruning(
    IDbContextFactory<BotDbContext> factory, HotWrites writes, IOptions<DatabaseOptions> options, TimeProvider clock,
    ILogger<ProcessedActivityPruning> logger)
    : HourlyPruning(factory, writes, clock, logger)
{
    protected override bool IsOn => options.Value.ProcessedActivityRetentionDays > 0;

    protected override string What => "idempotency claims";

    protected override async Task PruneOnceAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.ProcessedActivityRetentionDays;
        var deleted = await PruneAsync(Clock.GetUtcNow() - TimeSpan.FromDays(days), cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} idempotency claims older than {Days} days", deleted, days);
        }
    }

    /// <summary>Deletes the claims taken before <paramref name="cutoff"/>, batch by batch; how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        InBatchesAsync(db => db.ProcessedActivities().Where(p => p.ClaimedAt < cutoff)
            .OrderBy(p => p.ClaimedAt).Take(BatchSize)
            .ExecuteDeleteAsync(cancellationToken));
}
