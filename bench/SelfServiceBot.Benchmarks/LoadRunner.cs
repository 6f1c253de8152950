using System.Diagnostics;

namespace SelfServiceBot.Benchmarks;

/// <param name="AppCpuMs">CPU time the app used during the run.</param>
/// <param name="Round">Which round of the measurement (<see cref="BenchOptions.Rounds"/>); -1 for all of them merged.</param>
internal sealed record RunResult(string Name, int Concurrency, int Turns, int Errors, double Seconds, double[] LatenciesMs, double AppCpuMs, int Round = -1)
{
    /// <summary>The rounds of one suite as one run: every latency, the time and CPU of all of them.</summary>
    public static RunResult Merge(IReadOnlyList<RunResult> rounds) => new(
        rounds[0].Name, rounds[0].Concurrency, rounds.Sum(r => r.Turns), rounds.Sum(r => r.Errors), rounds.Sum(r => r.Seconds),
        [.. rounds.SelectMany(r => r.LatenciesMs)], rounds.Sum(r => r.AppCpuMs));

    public double TurnsPerSecond => Turns / Seconds;

    /// <summary>The app's CPU time per turn: what a turn costs the server, whatever else the machine is doing.</summary>
    public double AppCpuMsPerTurn => AppCpuMs / Turns;
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>Closed loop: `concurrency` sessions each send their next message as soon as the last one was answered.</summary>
internal static class LoadRunner
{
    public static async Task<RunResult> RunAsync(ITurnDriver driver, AppProcess app, int turns, int concurrency)
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(driver.OpenAsync));
        var latencies = new double[turns];
        var next = -1;
        var errors = 0;
        var cpuBefore = app.CpuTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(async session =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < turns)
            {
                await session.PrepareAsync();
                var started = Stopwatch.GetTimestamp();
                var ok = false;
                try { ok = await session.TurnAsync(Questions.Pick(i)); }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref errors);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuMs = (app.CpuTime - cpuBefore).TotalMilliseconds;
        foreach (var session in sessions) await session.DisposeAsync();
        return new RunResult(driver.Name, concurrency, turns, errors, seconds, latencies, cpuMs);
    }
}
