using System.Diagnostics;

namespace SelfServiceBot.Data.HotPath;

/// <summary>
/// How a background writer works off a long run of batches beside the customers' turns (the contact ledger catching up,
/// the hourly pruning): after each full batch it pauses three times as long as that batch took, so it holds at most a
/// quarter of the writer (on SQLite) and of the cores. Batches back to back stalled the turns (docs/benchmarks.md, "A
/// fixed rate"). Machine time, not the business clock: tests fake that one.
/// </summary>
public sealed class BatchPacing
{
    private const int PauseFactor = 3;

    /// <summary>The pause itself; tests record the pauses instead of waiting them out.</summary>
    public Func<TimeSpan, CancellationToken, Task> Pause { get; set; } = Task.Delay;

    /// <summary>Pauses after a full batch that started at <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public Task AfterBatchAsync(long started, CancellationToken cancellationToken) =>
        Pause(Stopwatch.GetElapsedTime(started) * PauseFactor, cancellationToken);
}
