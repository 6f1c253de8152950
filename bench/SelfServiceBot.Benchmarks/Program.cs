using SelfServiceBot.Benchmarks;

// Turn benchmark: latency and throughput of a full bot turn through /api/messages and through Direct Line,
// beside two baselines in the same run: a trivial echo endpoint on the same server (bare HTTP) and the
// Bot Framework echo bot behind the same transports (the protocol's own cost). See docs/benchmarks.md.
//   scripts/bench-turns.sh [--turns N] [--concurrency C] [--rate R] [--questions-per-conversation Q] [--warmup W] [--rounds R] [--only TEXT] [--distinct]
var options = BenchOptions.Parse(args);
Console.Error.WriteLine($"load average {LoadAverage.AtStart}");
await using var server = await AppProcess.StartAsync(options);
await using var echoBotServer = await AppProcess.StartAsync(options, echoBot: true);
await using var connector = await ConnectorStandIn.StartAsync();
Console.Error.WriteLine($"app pid {server.ProcessId}, echo bot app pid {echoBotServer.ProcessId}");

var distinct = options.Distinct ? DistinctQuestions.Load(Path.Combine(options.RepositoryRoot, "knowledgebase", "eval", "en.jsonl")) : null;
(ITurnDriver Driver, AppProcess App)[] suites = distinct is null
    ? [
        (new EchoDriver(server.BaseUrl), server),
        (new BotMessagesDriver(echoBotServer.BaseUrl, connector, options.QuestionsPerConversation, "echo bot"), echoBotServer),
        (new DirectLineDriver(echoBotServer.BaseUrl, options.QuestionsPerConversation, "echo bot"), echoBotServer),
        (new BotMessagesDriver(server.BaseUrl, connector, options.QuestionsPerConversation), server),
        (new DirectLineDriver(server.BaseUrl, options.QuestionsPerConversation), server),
    ]
    : [
        // The bot with the repeated questions (the query cache warm) and with every question new, on the same process.
        (new BotMessagesDriver(server.BaseUrl, connector, options.QuestionsPerConversation), server),
        (new DistinctQuestionsDriver(new BotMessagesDriver(server.BaseUrl, connector, options.QuestionsPerConversation), distinct), server),
        (new DirectLineDriver(server.BaseUrl, options.QuestionsPerConversation), server),
        (new DistinctQuestionsDriver(new DirectLineDriver(server.BaseUrl, options.QuestionsPerConversation), distinct), server),
    ];

// Warm-up first: every suite under load, then alone, until the app's JIT has settled, so what is measured is the code
// the process runs for the rest of its life, connection pools and a warm database.
var selected = suites.Where(s => options.Only is null || s.Driver.Name.Contains(options.Only, StringComparison.Ordinal)).ToList();
foreach (var (driver, app) in selected)
{
    var warm = await Warmup.RunAsync(driver, app, options);
    Console.Error.WriteLine($"warm-up {driver.Name}: {warm.Turns} turns, {warm.CompiledMethods} methods compiled, last batch {warm.LastBatchMethods}");
}
// Each measurement in rounds, the suites taking turns: the echo bot and the bot meet the same machine.
var rounds = new List<RunResult>();
foreach (var concurrency in new[] { 1, options.Concurrency })
{
    await MeasureAsync(concurrency == 1 ? Math.Max(100, options.Turns / 5) : options.Turns,
        (driver, app, share) => LoadRunner.RunAsync(driver, app, share, concurrency));
}
// Then at a fixed arrival rate (the throughput target, 300 turns/s): the latency customers see at that load.
if (options.Rate > 0)
{
    await MeasureAsync(Math.Max(options.Rounds * 20, options.Turns / 2),
        (driver, app, share) => FixedRateRunner.RunAsync(driver, app, share, options.Rate));
}
var results = rounds.GroupBy(r => (r.Name, r.Load)).Select(g => RunResult.Merge([.. g])).ToList();

Report.Print(results, rounds, options);
if (distinct is not null)
{
    Report.PrintDistinct(results, options, distinct);
}
return results.Any(r => r.Errors > 0) ? 1 : 0;

// One measurement: its turns split over the rounds, every selected suite measured once a round.
async Task MeasureAsync(int turns, Func<ITurnDriver, AppProcess, int, Task<RunResult>> run)
{
    for (var round = 0; round < options.Rounds; round++)
    {
        foreach (var (driver, app) in selected)
        {
            var share = turns / options.Rounds + (round < turns % options.Rounds ? 1 : 0);
            rounds.Add(await run(driver, app, share) with { Round = round });
        }
    }
}
