using System.Text.Json;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Decisions;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Evaluation;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>
/// <c>kb eval --kb FILE|DIR --cases FILE [--answer-threshold N] [--clarify-threshold N] [--locale L] [--retrieval lexical|hybrid]
/// [--sweep] [--json] [--failures FILE]</c>:
/// builds a temporary index, runs every case, prints the measures (one JSON object with --json);
/// --failures writes each case that went wrong as a JSON line, for authors. A case without a locale is ranked in --locale,
/// else where the bot would route it (<see cref="CaseLocales"/>); the locales used are printed on stderr and in the JSON.
/// </summary>
internal static class KbEvalCommand
{
    // Chinese stays readable in the failures file.
    private static readonly JsonSerializerOptions FailureJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(CliArguments args, KnowledgeOptions options, EmbeddingOptions embeddings)
    {
        var kbPath = args.Required("kb");
        var casesPath = args.Required("cases");
        var given = args.Get("locale");
        var retrieval = KbRetrieval.Read(args, embeddings);
        var source = KnowledgeSource.Load(kbPath, given ?? "en") with { Chinese = options.ChineseAnalysis };
        foreach (var problem in source.KnowledgeBase.Problems)
        {
            Console.Error.WriteLine($"skipped: {problem}");
        }
        var routing = new CaseLocales(source.KnowledgeBase.Articles);
        var cases = routing.Route(EvaluationCase.ReadJsonLines(casesPath), given);
        // One set of thresholds for the run: --locale's, else those of the locale most cases were ranked in.
        var locale = given ?? cases.GroupBy(c => c.Locale!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "en";
        ReportLocales(cases, routing, locale);
        retrieval.WarnUncovered(cases.Select(c => KnowledgeEngine.LanguageOf(c.Locale)).Where(l => routing.Languages.Contains(l)), Console.Error);
        var defaults = options.ThresholdsFor(locale);
        var thresholds = defaults with
        {
            Answer = args.Int("answer-threshold") ?? defaults.Answer,
            Clarify = args.Int("clarify-threshold") ?? defaults.Clarify,
        };
        if (thresholds.Clarify > thresholds.Answer)
        {
            throw new CliUsageException("--clarify-threshold must not be above --answer-threshold");
        }

        // --vectors DIR keeps the phrasings' vectors between runs (index_ms then measures a rebuild with stored vectors).
        using var temporary = TemporaryEngine.Build(source, RankingArguments.Read(args), retrieval.Encoder, args.Get("vectors"));
        var progress = new ProgressBar(Console.Error);
        var report = await EvaluationRunner.RunAsync(temporary.Engine, cases, thresholds, locale, args.Has("sweep"),
            temporary.BuildTime.TotalMilliseconds, progress.Report) with
        {
            Retrieval = retrieval.Mode,
            Encoder = retrieval.Encoder?.ModelId,
        };
        progress.Done();
        if (args.Get("failures") is { } failuresPath)
        {
            File.WriteAllLines(failuresPath, report.Failures.Select(f => JsonSerializer.Serialize(f, FailureJson)));
            Console.Error.WriteLine($"{report.Failures.Count} failed cases written to {failuresPath}");
        }

        if (args.Has("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(report));
        }
        else
        {
            EvaluationTable.Write(report, Console.Out);
        }
        return 0;
    }

    private static void ReportLocales(IReadOnlyList<EvaluationCase> cases, CaseLocales routing, string thresholdsOf)
    {
        var byLocale = cases.GroupBy(c => c.Locale!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Console.Error.WriteLine($"locales: {string.Join(", ", byLocale.Select(g => $"{g.Key} {g.Count()} cases"))}; thresholds of {thresholdsOf}");
        foreach (var missing in byLocale.Where(g => !routing.HasArticles(g.Key)))
        {
            Console.Error.WriteLine($"locales: no articles in {missing.Key}: its {missing.Count()} cases count as misses");
        }
    }
}
