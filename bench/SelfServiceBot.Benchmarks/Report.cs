namespace SelfServiceBot.Benchmarks;

internal static class Report
{
    public static void Print(IReadOnlyList<RunResult> results, BenchOptions options)
    {
        Console.WriteLine($"SelfServiceBot turn benchmark: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, SQLite, local mode");
        Console.WriteLine();
        Console.WriteLine($"{"endpoint",-40} {"conc",4} {"turns",6} {"err",4} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"turns/s",9}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name,-40} {r.Concurrency,4} {r.Turns,6} {r.Errors,4} {r.Percentile(50),8:F2} {r.Percentile(95),8:F2} {r.Percentile(99),8:F2} {r.TurnsPerSecond,9:F0}");
        }
        Console.WriteLine();
        foreach (var group in results.GroupBy(r => r.Concurrency))
        {
            var echo = group.First();
            foreach (var r in group.Skip(1))
            {
                Console.WriteLine($"concurrency {group.Key,2}: {r.Name,-38} p50 {r.Percentile(50) / echo.Percentile(50),5:F2}x echo, throughput {r.TurnsPerSecond / echo.TurnsPerSecond,5:F2}x echo");
            }
        }
        var loaded = results.Where(r => r.Concurrency == options.Concurrency).Skip(1).ToList();
        Console.WriteLine();
        Console.WriteLine($"targets: p50 within 2x of echo (sequential), >= 300 turns/s: " +
            string.Join("; ", loaded.Select(r => $"{r.Name}: {r.TurnsPerSecond:F0} turns/s {(r.TurnsPerSecond >= 300 ? "ok" : "BELOW")}")));
    }
}
