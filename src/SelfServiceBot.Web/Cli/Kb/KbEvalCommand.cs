using System.Text.Json;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Decisions;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Evaluation;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>
/// <c>kb eval --kb FILE|DIR --cases FILE [--answer-threshold N] [--clarify-threshold N] [--locale L] [--sweep] [--json]
/// [--failures FILE]</c>:
/// builds a temporary index, runs every case, prints the measures (one JSON object with --json);
/// --failures writes each case that went wrong as a JSON line, for authors.
/// </summary>
internal static class KbEvalCommand
{
    // Chinese stays readable in the failures file.
    private static readonly JsonSerializerOptions FailureJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(CliArguments args, KnowledgeOptions options)
    {
        var kbPath = args.Required("kb");
        var casesPath = args.Required("cases");
        var locale = args.Get("locale") ?? "en";
        var source = KnowledgeSource.Load(kbPath, locale) with { Chinese = options.ChineseAnalysis };
        foreach (var problem in source.KnowledgeBase.Problems)
        {
            Console.Error.WriteLine($"skipped: {problem}");
        }
        var cases = EvaluationCase.ReadJsonLines(casesPath);
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

        using var temporary = TemporaryEngine.Build(source, RankingArguments.Read(args));
        var progress = new ProgressBar(Console.Error);
        var report = EvaluationRunner.Run(temporary.Engine, cases, thresholds, locale, args.Has("sweep"),
            temporary.BuildTime.TotalMilliseconds, progress.Report);
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
}
