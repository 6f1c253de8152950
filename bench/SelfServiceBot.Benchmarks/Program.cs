using SelfServiceBot.Benchmarks;

// Turn benchmark: latency and throughput of a full bot turn through /api/messages and through Direct Line,
// beside two baselines in the same run: a trivial echo endpoint on the same server (bare HTTP) and the
// Bot Framework echo bot behind the same transports (the protocol's own cost). See docs/benchmarks.md.
//   scripts/bench-turns.sh [--turns N] [--concurrency C]
var options = BenchOptions.Parse(args);
Console.Error.WriteLine($"load average {LoadAverage.AtStart}");
await using var server = await AppProcess.StartAsync(options);
await using var echoBotServer = await AppProcess.StartAsync(options, echoBot: true);
await using var connector = await ConnectorStandIn.StartAsync();

var suites = new ITurnDriver[]
{
    new EchoDriver(server.BaseUrl),
    new BotMessagesDriver(echoBotServer.BaseUrl, connector, options.QuestionsPerConversation, "echo bot"),
    new DirectLineDriver(echoBotServer.BaseUrl, options.QuestionsPerConversation, "echo bot"),
    new BotMessagesDriver(server.BaseUrl, connector, options.QuestionsPerConversation),
    new DirectLineDriver(server.BaseUrl, options.QuestionsPerConversation),
};

var results = new List<RunResult>();
foreach (var concurrency in new[] { 1, options.Concurrency })
{
    foreach (var driver in suites)
    {
        var turns = concurrency == 1 ? Math.Max(100, options.Turns / 5) : options.Turns;
        await LoadRunner.RunAsync(driver, Math.Min(50, turns / 10), concurrency); // warm-up
        results.Add(await LoadRunner.RunAsync(driver, turns, concurrency));
    }
}

Report.Print(results, options);
return results.Any(r => r.Errors > 0) ? 1 : 0;
