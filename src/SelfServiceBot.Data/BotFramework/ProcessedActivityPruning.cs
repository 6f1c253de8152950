using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Data.BotFramework;

/// <summary>
/// Deletes idempotency claims older than <see cref="DatabaseOptions.ProcessedActivityRetentionDays"/>, every hour. Channels
/// redeliver within minutes, so an old claim guards nothing, while one row per inbound activity would grow the table (and
/// the key every claim is checked against) for ever. Small batches: on SQLite each holds the write lock only briefly.
/// Every instance prunes; deleting what another instance already deleted is harmless.
/// </summary>
internal sealed class ProcessedActivityPruning(
    IDbContextFactory<BotDbContext> factory, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<ProcessedActivityPruning> logger) : BackgroundService
{
    private const int BatchSize = 2_000;
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ProcessedActivityRetentionDays <= 0)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await PruneAsync(clock.GetUtcNow() - TimeSpan.FromDays(options.Value.ProcessedActivityRetentionDays), stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} idempotency claims older than {Days} days", deleted, options.Value.ProcessedActivityRetentionDays);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Pruning idempotency claims failed; retrying in {Interval}", Interval);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Deletes the claims taken before <paramref name="cutoff"/>, batch by batch; how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = factory.CreateDbContext();
            var deleted = await db.ProcessedActivities.Where(p => p.ClaimedAt < cutoff)
                .OrderBy(p => p.ClaimedAt).Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }
}
