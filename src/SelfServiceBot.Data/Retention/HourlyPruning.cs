using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SelfServiceBot.Data.Retention;

/// <summary>
/// A pruning job that runs at start and then every hour while it is on: a failed pass is logged and tried again the next
/// hour, and stopping the host ends it between passes.
/// </summary>
public abstract class HourlyPruning(TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected TimeProvider Clock { get; } = clock;

    /// <summary>Off (the retention set to 0): the job does nothing at all.</summary>
    protected abstract bool IsOn { get; }

    /// <summary>What is pruned, for the log ("idempotency claims").</summary>
    protected abstract string What { get; }

    /// <summary>One pass; logs what it did.</summary>
    protected abstract Task PruneOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsOn)
        {
            return;
        }
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
