using System.Text.RegularExpressions;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>
/// <c>kb lint [--kb DIR|FILE]</c>: files that do not load, missing fields, too few alternate questions,
/// related ids that do not exist, a question written twice, the same question in two articles, and questions that find another
/// article first (conflicts). Exit code 1 when there are errors (not when there are only warnings).
/// </summary>
internal static partial class KbLintCommand
{
    private const int MinQuestions = 5;

    public static int Run(CliArguments args, KnowledgeOptions options)
    {
        var source = KnowledgeSource.Load(KbPaths.KnowledgeBase(args, options)) with { Chinese = options.ChineseAnalysis };
        var errors = 0;
        var warnings = 0;
        void Error(string where, string what) { errors++; Console.WriteLine($"error   {where}: {what}"); }
        void Warn(string where, string what) { warnings++; Console.WriteLine($"warning {where}: {what}"); }

        foreach (var problem in source.KnowledgeBase.Problems)
        {
            Error($"{problem.Path}:{problem.Line}", problem.Reason);
        }
        foreach (var (language, table) in source.Synonyms)
        {
            foreach (var problem in table.Problems)
            {
                Error($"synonyms ({language})", problem);
            }
        }
        var articles = source.KnowledgeBase.Articles;
        var ids = articles.Select(a => (a.Locale, a.Id)).ToHashSet();
        foreach (var a in articles)
        {
            if (a.Questions.Count < MinQuestions)
            {
                Warn(a.SourcePath, $"{a.Questions.Count} alternate questions; give at least {MinQuestions} in the customers' own words");
            }
            foreach (var missing in new[] { ("owner", a.Owner), ("updated", a.Updated?.ToString()) }.Where(f => f.Item2 is null))
            {
                Warn(a.SourcePath, $"'{missing.Item1}' is missing");
            }
            foreach (var repeated in a.Questions.Prepend(a.Title).GroupBy(q => q.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                Warn(a.SourcePath, $"\"{repeated.Key}\" is written {repeated.Count()} times (title included); one is enough");
            }
            foreach (Match url in BareUrlIntoFullWidth().Matches(a.Body))
            {
                Warn(a.SourcePath, $"{url.Value} : chat clients take the full-width punctuation after a bare link into it; write [text](url)");
            }
            foreach (var related in a.Related.Where(r => !ids.Contains((a.Locale, r))))
            {
                Error(a.SourcePath, $"related article '{related}' does not exist in {a.Locale}");
            }
        }

        using var temporary = TemporaryEngine.Build(source);
        var analyzers = new Dictionary<string, KnowledgeAnalyzer>();
        var seen = new Dictionary<(string, string), KnowledgeArticleRef>();
        foreach (var check in temporary.Engine.CheckPhrasings())
        {
            var language = KnowledgeEngine.LanguageOf(check.Article.Locale);
            if (!analyzers.TryGetValue(language, out var analyzer))
            {
                analyzers[language] = analyzer = new KnowledgeAnalyzer(source.SynonymsFor(language));
            }
            var key = (language, string.Join(' ', analyzer.Tokens(check.Phrasing).Order(StringComparer.Ordinal)));
            if (seen.TryGetValue(key, out var first) && first.Id != check.Article.Id)
            {
                Error(check.Article.SourcePath, $"\"{check.Phrasing}\" is the same question as \"{first.Phrasing}\" in {first.Id}");
            }
            seen.TryAdd(key, new KnowledgeArticleRef(check.Article.Id, check.Phrasing));
            if (check.Best is { } best && best.Article.Id != check.Article.Id)
            {
                Warn(check.Article.SourcePath, $"\"{check.Phrasing}\" finds {best.Article.Id} first (confidence {best.Confidence}): reword it or the other article");
            }
        }
        Console.WriteLine($"{articles.Count} articles: {errors} errors, {warnings} warnings");
        return errors > 0 ? 1 : 0;
    }

    // A link not already inside Markdown link syntax, running straight into full-width punctuation ("（https://x/a）。").
    [GeneratedRegex(@"(?<![\(\[<])https?://[\x21-\x7E]+[\u3000-\u303F\uFF00-\uFFEF]")]
    private static partial Regex BareUrlIntoFullWidth();

    private sealed record KnowledgeArticleRef(string Id, string Phrasing);
}
