using System.Collections.Concurrent;
using System.Diagnostics;

namespace SelfServiceBot.Benchmarks;

/// <summary>
/// Open loop: messages arrive at a fixed rate whatever the server's pace, as customers' messages do, each from an idle
/// customer. The closed loop (<see cref="LoadRunner"/>) with 16 customers keeps the machine saturated, so its latency is
/// mostly time queued behind other turns and follows the cost of a turn (a throughput ratio); at a fixed rate below what
/// the server can take, a turn's latency is what a customer waits at that load.
/// A turn's latency runs from when it is sent; how late the sender was is reported apart (<see cref="RunResult.LateMs"/>).
/// </summary>
internal static class FixedRateRunner
{
    /// <summary>Customers opened before the run; more are opened (off the clock of any turn) if all are busy.</summary>
    private const int Customers = 16;

    public static async Task<RunResult> RunAsync(ITurnDriver driver, AppProcess app, int turns, double rate)
    {
        var idle = new ConcurrentQueue<ITurnSession>(await Task.WhenAll(Enumerable.Range(0, Customers).Select(driver.OpenAsync)));
        var opened = new ConcurrentBag<ITurnSession>(idle);
        foreach (var session in idle) await session.PrepareAsync();
        var latencies = new double[turns];
        var late = new double[turns];
        var errors = 0;
        var running = new Task[turns];
        var cpuBefore = app.CpuTime;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < turns; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            if (!idle.TryDequeue(out var session))
            {
                session = await driver.OpenAsync(Customers + opened.Count);
                await session.PrepareAsync();
                opened.Add(session);
            }
            late[i] = Math.Max(0, Stopwatch.GetElapsedTime(due).TotalMilliseconds);
            running[i] = TurnAsync(i, session);
        }
        await Task.WhenAll(running);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpuMs = (app.CpuTime - cpuBefore).TotalMilliseconds;
        foreach (var session in opened) await session.DisposeAsync();
        return new RunResult(driver.Name, 0, turns, errors, seconds, latencies, cpuMs, Rate: rate, LateMs: late);

        async Task TurnAsync(int i, ITurnSession session)
        {
            await Task.Yield(); // the sender goes on with the schedule
            if (!await LoadRunner.TimedTurnAsync(session, i, latencies)) Interlocked.Increment(ref errors);
            await session.PrepareAsync();
            idle.Enqueue(session);
        }
    }
}
