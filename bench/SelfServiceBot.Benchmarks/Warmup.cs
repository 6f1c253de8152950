namespace SelfServiceBot.Benchmarks;

/// <summary>
/// Runs a suite until the app stops compiling. A fresh process spends its first thousands of turns in the JIT: tiered
/// compilation first makes quick code, then instruments the hot methods (dynamic PGO), then recompiles them optimised,
/// in the background and in waves. A bot turn touches far more code than the echo bot's, so a fixed number of warm-up
/// turns left the bot still compiling during the first measured round (its p50 up to 1.5x the second round's).
/// </summary>
internal static class Warmup
{
    private const int BatchTurns = 500;
    private const int MaxBatches = 40;

    /// <summary>A batch in which the app compiled no more than this many methods counts as settled.</summary>
    private const int SettledMethods = 5;

    public static async Task<WarmupResult> RunAsync(ITurnDriver driver, AppProcess app, BenchOptions options)
    {
        var before = await app.CompiledMethodsAsync();
        await LoadRunner.RunAsync(driver, app, options.WarmupTurns, options.Concurrency);
        var turns = options.WarmupTurns;
        var compiled = await app.CompiledMethodsAsync();
        long last = long.MaxValue;
        for (var batch = 0; batch < MaxBatches && last > SettledMethods; batch++)
        {
            // Alternating alone and under load: both paths (and the thread pool's) get compiled.
            await LoadRunner.RunAsync(driver, app, BatchTurns, batch % 2 == 0 ? 1 : options.Concurrency);
            turns += BatchTurns;
            var now = await app.CompiledMethodsAsync();
            last = now - compiled;
            compiled = now;
        }
        return new WarmupResult(turns, compiled - before, last);
    }
}

internal sealed record WarmupResult(int Turns, long CompiledMethods, long LastBatchMethods);
