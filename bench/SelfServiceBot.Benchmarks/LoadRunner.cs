using System.Diagnostics;

namespace SelfServiceBot.Benchmarks;

/// <param name="AppCpuMs">CPU time the app used during the run.</param>
/// <param name="Round">Which round of the measurement (<see cref="BenchOptions.Rounds"/>); -1 for all of them merged.</param>
/// <param name="Rate">Turns a second sent at a fixed rate (<see cref="FixedRateRunner"/>, <see cref="Concurrency"/> 0); 0: a closed loop.</param>
/// <param name="LateMs">At a fixed rate, how late the sender sent each turn (its own delays, not the server's).</param>
internal sealed record RunResult(string Name, int Concurrency, int Turns, int Errors, double Seconds, double[] LatenciesMs, double AppCpuMs,
    int Round = -1, double Rate = 0, double[]? LateMs = null)
{
    /// <summary>The rounds of one suite as one run: every latency, the time and CPU of all of them.</summary>
    public static RunResult Merge(IReadOnlyList<RunResult> rounds) => new(
        rounds[0].Name, rounds[0].Concurrency, rounds.Sum(r => r.Turns), rounds.Sum(r => r.Errors), rounds.Sum(r => r.Seconds),
        [.. rounds.SelectMany(r => r.LatenciesMs)], rounds.Sum(r => r.AppCpuMs), Rate: rounds[0].Rate,
        LateMs: rounds[0].LateMs is null ? null : [.. rounds.SelectMany(r => r.LateMs!)]);

    /// <summary>How the load was made: "1" or "16" customers in a closed loop, or "300/s" at a fixed rate.</summary>
    public string Load => Rate > 0 ? $"{Rate:F0}/s" : Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public double TurnsPerSecond => Turns / Seconds;

    /// <summary>The app's CPU time per turn: what a turn costs the server, whatever else the machine is doing.</summary>
    public double AppCpuMsPerTurn => AppCpuMs / Turns;
    public double Percentile(double p) => Percentile(LatenciesMs, p);

    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
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
                if (!await TimedTurnAsync(session, i, latencies)) Interlocked.Increment(ref errors);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuMs = (app.CpuTime - cpuBefore).TotalMilliseconds;
        foreach (var session in sessions) await session.DisposeAsync();
        return new RunResult(driver.Name, concurrency, turns, errors, seconds, latencies, cpuMs);
    }

    /// <summary>Turn <paramref name="i"/> on <paramref name="session"/>, its latency written to <paramref name="latencies"/>; false if it failed.</summary>
    public static async Task<bool> TimedTurnAsync(ITurnSession session, int i, double[] latencies)
    {
        var started = Stopwatch.GetTimestamp();
        var ok = false;
        try { ok = await session.TurnAsync(Questions.Pick(i)); }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return ok;
    }
}
