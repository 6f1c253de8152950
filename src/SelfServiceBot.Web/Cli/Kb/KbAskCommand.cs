using System.Globalization;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Decisions;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Evaluation;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>
/// <c>kb ask "question" [--kb DIR|FILE] [--published] [--locale L] [--retrieval lexical|hybrid] [--explain]</c>: the decision
/// the bot would take, and with --explain which retrieval ran and the evidence behind every candidate (closest phrasing,
/// coverage, BM25, classifier, with hybrid retrieval the nearest phrasing by meaning, confidence). With --published the
/// articles published into the server's database count too, as they do for the running bot. Without --locale the question
/// is ranked in the language it is written in, as the bot routes it.
/// </summary>
internal static class KbAskCommand
{
    public static async Task<int> RunAsync(CliArguments args, KnowledgeOptions options, EmbeddingOptions embeddings)
    {
        var text = string.Join(' ', args.Positional);
        if (text.Length == 0)
        {
            throw new CliUsageException("give the question to ask, e.g. kb ask \"where is my parcel\"");
        }
        var retrieval = KbRetrieval.Read(args, embeddings);
        var source = KnowledgeSource.Load(KbPaths.KnowledgeBase(args, options), args.Get("locale") ?? "en") with { Chinese = options.ChineseAnalysis };
        if (args.Has("published"))
        {
            source = await KbPublished.WithPublishedAsync(source);
        }
        var locale = args.Get("locale") ?? new CaseLocales(source.KnowledgeBase.Articles).For(text);
        using var temporary = TemporaryEngine.Build(source, RankingArguments.Read(args), retrieval.Encoder);
        var ranked = await temporary.Engine.RankAsync(text, locale);
        var thresholds = options.ThresholdsFor(locale);
        var result = KnowledgeDecisionPolicy.Decide(ranked, thresholds);
        var language = KnowledgeEngine.LanguageOf(locale);
        var dense = retrieval.IsHybrid(language);
        Console.WriteLine($"decision: {result.Decision} (answer >= {thresholds.Answer}, clarify >= {thresholds.Clarify})");
        if (args.Has("explain"))
        {
            Console.WriteLine($"retrieval: {retrieval.Describe(language)}, locale {locale}");
        }
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
                if (dense)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"      dense {a.DenseSimilarity:0.000}  nearest by meaning: {a.DensePhrasing ?? "-"}"));
                }
            }
        }
        return 0;
    }
}
