namespace SelfServiceBot.Benchmarks;

/// <param name="QuestionsPerConversation">
/// How many questions a customer asks before starting a new conversation. Real contacts are short; one endless
/// conversation would trip the hand-off message limit (Handoff:MessageLimit, 20) and grow the stored state and transcript,
/// so the run would measure hand-offs and 20 KB states instead of answers.
/// </param>
/// <param name="WarmupTurns">
/// Turns each suite runs under load before anything is measured. A fresh process spends its first thousand or so turns
/// compiling (tiered JIT, dynamic PGO): measured cold, a turn cost several times the CPU it costs later. After these,
/// <see cref="Warmup"/> goes on until the app stops compiling.
/// </param>
/// <param name="Only">Runs only the suites whose name contains this (e.g. to profile one of them); null: all.</param>
/// <param name="Rounds">
/// The turns of each measurement are split into this many rounds, the suites taking turns round by round, so the echo bot
/// and the bot are measured seconds apart: on a machine whose speed drifts (other work, CPU steal) a ratio of two runs
/// minutes apart measured the drift as much as the bot. Each round's ratios are reported too.
/// </param>
/// <param name="Rate">
/// Turns a second for the fixed-rate measurement (<see cref="FixedRateRunner"/>): by default the throughput target, 300;
/// 0 leaves it out. With <paramref name="Distinct"/>, 100 (the encoder's target load).
/// </param>
/// <param name="Distinct">
/// The bot's suites twice: with the six repeated questions and with every question distinct (<see cref="DistinctQuestions"/>),
/// so the query cache cannot help; the echo baselines are left out.
/// </param>
internal sealed record BenchOptions(int Turns, int Concurrency, int QuestionsPerConversation, int WarmupTurns, string WebDll, string? Only = null,
    int Rounds = 5, double Rate = 300, bool Distinct = false)
{
    /// <summary>The repository this benchmark was built in (its knowledge base's cases seed <see cref="DistinctQuestions"/>).</summary>
    public string RepositoryRoot => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    public static BenchOptions Parse(string[] args)
    {
        int turns = 2000, concurrency = 16, perConversation = 5, warmup = 1500, rounds = 5;
        var distinct = args.Contains("--distinct");
        double rate = distinct ? 100 : 300;
        string? dll = null, only = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--turns": turns = int.Parse(args[++i]); break;
                case "--concurrency": concurrency = int.Parse(args[++i]); break;
                case "--questions-per-conversation": perConversation = int.Parse(args[++i]); break;
                case "--web-dll": dll = args[++i]; break;
                case "--only": only = args[++i]; break;
                case "--warmup": warmup = int.Parse(args[++i]); break;
                case "--rounds": rounds = int.Parse(args[++i]); break;
                case "--rate": rate = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            }
        }
        if (perConversation < 1)
        {
            throw new ArgumentException("--questions-per-conversation must be at least 1.");
        }
        if (rounds < 1 || turns / rounds < 20)
        {
            throw new ArgumentException("--rounds must be at least 1, with at least 20 turns a round.");
        }
        if (rate < 0)
        {
            throw new ArgumentException("--rate must be 0 (no fixed-rate measurement) or more.");
        }
        dll ??= Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/SelfServiceBot.Web/bin/Release/net10.0/SelfServiceBot.Web.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the web app in Release first (dotnet build -c Release): {dll}");
        }
        return new BenchOptions(turns, concurrency, perConversation, warmup, dll, only, rounds, rate, distinct);
    }
}
