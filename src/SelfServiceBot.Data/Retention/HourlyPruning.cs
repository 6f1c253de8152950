using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Data.Retention;

/// <summary>
/// A pruning job that runs at start and then every hour while it is on: a failed pass is logged and tried again the next
/// hour, and stopping the host ends it between passes. It deletes and updates in batches of <see cref="BatchSize"/>
/// rows, each in a context and a statement of its own, which on SQLite takes its turn with the turns' writes
/// (<see cref="HotWrites.ExclusiveAsync"/>): customers wait for one batch at most, not for a pass. In the background it
/// also pauses between full batches, as the contact ledger does: at a busy hour's end there are a million claims to
/// delete, and batches back to back would hold the writer for seconds.
/// </summary>
public abstract class HourlyPruning(IDbContextFactory<BotDbContext> factory, HotWrites writes, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    public const int BatchSize = 500;
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Pause between full batches (the background service; a direct call, e.g. a test, runs its batches back to back).</summary>
    public bool Paced { get; set; }

    public BatchPacing Pacing { get; } = new();

    protected TimeProvider Clock { get; } = clock;

    protected IDbContextFactory<BotDbContext> Factory { get; } = factory;

    /// <summary>Off (the retention set to 0): the job does nothing at all.</summary>
    protected abstract bool IsOn { get; }

    /// <summary>What is pruned, for the log ("idempotency claims").</summary>
    protected abstract string What { get; }

    /// <summary>One pass; logs what it did.</summary>
    protected abstract Task PruneOnceAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="batch"/> (a statement limited to <see cref="BatchSize"/> rows) until it changes fewer; how many it changed.</summary>
    protected async Task<int> InBatchesAsync(Func<BotDbContext, Task<int>> batch)
    {
        var total = 0;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var db = Factory.CreateDbContext())
            {
                var changed = await writes.ExclusiveAsync(db, () => batch(db), CancellationToken.None);
                total += changed;
                if (changed < BatchSize)
                {
                    return total;
                }
            }
            if (Paced)
            {
                await Pacing.AfterBatchAsync(started, CancellationToken.None);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsOn)
        {
            return;
        }
        Paced = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Pruning {What} failed; retrying in {Interval}", What, Interval);
            }
            try
            {
                await Task.Delay(Interval, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
