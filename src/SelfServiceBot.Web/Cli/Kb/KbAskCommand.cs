using System.Globalization;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Decisions;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>
/// <c>kb ask "question" [--kb DIR|FILE] [--published] [--locale L] [--explain]</c>: the decision the bot would take, and with
/// --explain the evidence behind every candidate (closest phrasing, coverage, BM25, classifier, confidence). With
/// --published the articles published into the server's database count too, as they do for the running bot.
/// </summary>
internal static class KbAskCommand
{
    public static async Task<int> RunAsync(CliArguments args, KnowledgeOptions options)
    {
        var text = string.Join(' ', args.Positional);
        if (text.Length == 0)
        {
            throw new CliUsageException("give the question to ask, e.g. kb ask \"where is my parcel\"");
        }
        var locale = args.Get("locale") ?? "en";
        var source = KnowledgeSource.Load(KbPaths.KnowledgeBase(args, options), locale) with { Chinese = options.ChineseAnalysis };
        if (args.Has("published"))
        {
            source = await KbPublished.WithPublishedAsync(source);
        }
        using var temporary = TemporaryEngine.Build(source, RankingArguments.Read(args));
        var ranked = temporary.Engine.Rank(text, locale);
        var thresholds = options.ThresholdsFor(locale);
        var result = KnowledgeDecisionPolicy.Decide(ranked, thresholds);
        Console.WriteLine($"decision: {result.Decision} (answer >= {thresholds.Answer}, clarify >= {thresholds.Clarify})");
        Console.WriteLine($"terms: {string.Join(' ', ranked.Terms)}");
        foreach (var (typo, corrected) in ranked.Corrections)
        {
            Console.WriteLine($"typo: {typo} -> {corrected}");
        }
        foreach (var a in ranked.Articles.Take(args.Has("explain") ? 10 : 3))
        {
            Console.WriteLine($"{a.Confidence,4}  {a.Article.Id}  \"{a.Article.Title}\"");
            if (args.Has("explain"))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"      score {a.Score:0.000}  classifier {a.ClassifierProbability:0.000}  bm25 question {a.QuestionScore:0.00} body {a.BodyScore:0.00}  coverage message {a.MessageCoverage:0.00} phrasing {a.PhrasingCoverage:0.00}"));
                Console.WriteLine($"      closest: {a.ClosestPhrasing}");
            }
        }
        return 0;
    }
}
