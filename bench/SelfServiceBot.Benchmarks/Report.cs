namespace SelfServiceBot.Benchmarks;

internal static class Report
{
    public static void Print(IReadOnlyList<RunResult> results, IReadOnlyList<RunResult> rounds, BenchOptions options)
    {
        Console.WriteLine($"SelfServiceBot turn benchmark: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, SQLite, local mode, " +
            $"{options.QuestionsPerConversation} questions per conversation, warm-up per suite: {options.WarmupTurns} turns, then until the JIT settles; " +
            $"each measurement in {options.Rounds} rounds, the suites taking turns");
        Console.WriteLine($"load average at start {LoadAverage.AtStart}, at end {LoadAverage.Now()} (other work on this machine skews absolute figures)");
        Console.WriteLine("load: 1 or N customers in a closed loop (each sends when answered), or turns a second at a fixed rate (open loop)");
        Console.WriteLine();
        Console.WriteLine($"{"endpoint",-47} {"load",6} {"turns",6} {"err",4} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"turns/s",9} {"app CPU ms/turn",16}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name,-47} {r.Load,6} {r.Turns,6} {r.Errors,4} {r.Percentile(50),8:F2} {r.Percentile(95),8:F2} {r.Percentile(99),8:F2} {r.TurnsPerSecond,9:F0} {r.AppCpuMsPerTurn,16:F3}");
        }
        Console.WriteLine();
        foreach (var group in results.GroupBy(r => r.Load))
        {
            var echo = group.FirstOrDefault(x => x.Name.StartsWith("echo (", StringComparison.Ordinal));
            foreach (var r in group.Where(r => r.Name.StartsWith("bot ", StringComparison.Ordinal)))
            {
                var transport = r.Name["bot ".Length..];
                var echoBot = group.FirstOrDefault(x => x.Name == "echo bot " + transport);
                if (echo is null || echoBot is null)
                {
                    continue; // --only left out a baseline
                }
                Console.WriteLine($"load {group.Key,6}: {r.Name,-38} p50 {Ratio(r, echo),7:F1}x echo endpoint, {Ratio(r, echoBot),5:F2}x echo bot; " +
                    $"throughput {r.TurnsPerSecond / echoBot.TurnsPerSecond,5:F2}x echo bot; app CPU {r.AppCpuMsPerTurn / echoBot.AppCpuMsPerTurn,5:F2}x echo bot");
                if (RoundRatios(rounds, r, echoBot) is { Count: > 1 } perRound)
                {
                    Console.WriteLine($"{"",16}p50 / echo bot's, round by round: {string.Join(" ", perRound.Select(x => $"{x:F2}"))} " +
                        $"(median {perRound.Order().ElementAt(perRound.Count / 2):F2})");
                }
            }
        }
        if (results.Where(r => r.LateMs is not null).ToList() is { Count: > 0 } fixedRate)
        {
            Console.WriteLine();
            Console.WriteLine("fixed rate, how late the sender sent (its own delays, not in the latencies): " + string.Join("; ",
                fixedRate.Select(r => $"{r.Name} p50 {RunResult.Percentile(r.LateMs!, 50):F2} ms, p99 {RunResult.Percentile(r.LateMs!, 99):F2} ms")));
        }
        var loaded = results.Where(r => r.Concurrency == options.Concurrency && r.Name.StartsWith("bot ", StringComparison.Ordinal)).ToList();
        Console.WriteLine();
        Console.WriteLine("targets (>= 300 turns/s under load): " +
            string.Join("; ", loaded.Select(r => $"{r.Name}: {r.TurnsPerSecond:F0} {(r.TurnsPerSecond >= 300 ? "ok" : "BELOW")}")));
    }

    /// <summary>
    /// <c>--distinct</c>: per transport, the latency at the fixed rate with every question new (the encoder's target:
    /// p99 <= 40 ms at 100 turns/s) and the saturated throughput with distinct and with repeated questions.
    /// </summary>
    public static void PrintDistinct(IReadOnlyList<RunResult> results, BenchOptions options, DistinctQuestions questions)
    {
        Console.WriteLine();
        Console.WriteLine($"distinct questions: {questions.Asked} asked of {questions.Count} built" +
            (questions.Asked > questions.Count ? " (ran out: the later ones repeat, so the cache helped them)" : " (none repeated)"));
        var fixedRate = $"{options.Rate:F0}/s";
        foreach (var repeated in results.Where(r => r.Name.StartsWith("bot ", StringComparison.Ordinal) && !r.Name.EndsWith(", distinct", StringComparison.Ordinal))
                     .DistinctBy(r => r.Name))
        {
            var distinct = repeated.Name + ", distinct";
            var atRate = results.FirstOrDefault(r => r.Name == distinct && r.Load == fixedRate);
            var saturated = results.FirstOrDefault(r => r.Name == distinct && r.Concurrency == options.Concurrency && r.Rate == 0);
            var saturatedRepeated = results.FirstOrDefault(r => r.Name == repeated.Name && r.Concurrency == options.Concurrency && r.Rate == 0);
            if (atRate is null || saturated is null || saturatedRepeated is null)
            {
                continue; // --only or --rate 0 left a measurement out
            }
            Console.WriteLine($"{repeated.Name}: distinct at {fixedRate} p50 {atRate.Percentile(50):F2} ms, p99 {atRate.Percentile(99):F2} ms " +
                $"({(atRate.Percentile(99) <= 40 ? "ok" : "ABOVE")} p99 <= 40 ms); saturated ({options.Concurrency} customers) " +
                $"{saturated.TurnsPerSecond:F0} turns/s distinct, {saturatedRepeated.TurnsPerSecond:F0} repeated");
        }
    }

    private static double Ratio(RunResult r, RunResult baseline) => r.Percentile(50) / baseline.Percentile(50);

    /// <summary>The bot's p50 over the echo bot's in each round, in round order.</summary>
    private static List<double> RoundRatios(IReadOnlyList<RunResult> rounds, RunResult bot, RunResult echoBot) =>
        rounds.Where(x => x.Name == bot.Name && x.Load == bot.Load)
            .Join(rounds.Where(x => x.Name == echoBot.Name && x.Load == echoBot.Load), b => b.Round, e => e.Round, Ratio)
            .ToList();
}
