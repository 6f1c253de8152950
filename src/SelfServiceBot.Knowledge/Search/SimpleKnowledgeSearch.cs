using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// The interim search: token overlap between the question and each article's title and alternate
/// questions (<see cref="KnowledgeIndex"/>), then thresholds from <see cref="KnowledgeOptions"/>.
/// The Markdown files are read once, on first use; the index is only a cache of them.
/// </summary>
public sealed class SimpleKnowledgeSearch : IKnowledgeSearch
{
    private const int MaxCandidates = 3;

    private readonly KnowledgeOptions _options;
    private readonly Lazy<IReadOnlyDictionary<string, KnowledgeIndex>> _indexes;

    public SimpleKnowledgeSearch(IOptions<KnowledgeOptions> options, KnowledgeBaseLocator locator, ILogger<SimpleKnowledgeSearch> logger)
    {
        _options = options.Value;
        _indexes = new(() => Load(locator, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<KnowledgeResult> SearchAsync(string text, string locale, CancellationToken cancellationToken)
    {
        var indexes = _indexes.Value;
        var language = LanguageOf(locale);
        var result = indexes.TryGetValue(language, out var own) ? Decide(own.Score(text)) : KnowledgeResult.NoMatch;

        // A customer may write in a language other than their browser's: try the others before giving up.
        foreach (var (otherLanguage, index) in indexes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (result.Decision != KnowledgeDecision.NoMatch)
            {
                break;
            }
            if (otherLanguage != language)
            {
                result = Decide(index.Score(text));
            }
        }
        return Task.FromResult(result);
    }

    private KnowledgeResult Decide(IReadOnlyList<(KnowledgeArticle Article, int Confidence)> scored)
    {
        var candidates = scored
            .Where(s => s.Confidence >= _options.ClarifyThreshold)
            .Take(MaxCandidates)
            .Select(s => new KnowledgeCandidate(s.Article.Id, s.Article.Title, s.Article.Body, s.Confidence, s.Article.Category, s.Article.Locale))
            .ToList();
        if (candidates.Count == 0)
        {
            return KnowledgeResult.NoMatch;
        }
        var best = candidates[0].Confidence;
        var runnerUp = candidates.Count > 1 ? candidates[1].Confidence : 0;
        var clearWinner = best - runnerUp >= _options.AmbiguityMargin;
        return best >= _options.AnswerThreshold && clearWinner
            ? new KnowledgeResult(KnowledgeDecision.Answer, candidates)
            : new KnowledgeResult(KnowledgeDecision.Clarify, candidates);
    }

    private static IReadOnlyDictionary<string, KnowledgeIndex> Load(KnowledgeBaseLocator locator, ILogger logger)
    {
        var path = locator.Resolve(out var searched);
        if (path is null)
        {
            logger.LogError("No knowledge base found (looked in {Searched}); every question will get the fallback answer. " +
                            "Set Knowledge:KnowledgeBasePath.", searched);
            return new Dictionary<string, KnowledgeIndex>();
        }
        var kb = KnowledgeBaseLoader.Load(path);
        foreach (var problem in kb.Problems)
        {
            logger.LogWarning("Knowledge article skipped: {Path} line {Line}: {Reason}", problem.Path, problem.Line, problem.Reason);
        }
        logger.LogInformation("Loaded {Count} knowledge articles from {Path}", kb.Articles.Count, path);
        return kb.Articles
            .GroupBy(a => LanguageOf(a.Locale))
            .ToDictionary(g => g.Key, g => KnowledgeIndex.Build(g), StringComparer.Ordinal);
    }

    /// <summary>The primary language subtag, lower case: zh-CN and zh-Hans-CN both search the zh articles.</summary>
    internal static string LanguageOf(string? locale) =>
        string.IsNullOrEmpty(locale) ? "en" : locale.Split('-', '_')[0].ToLowerInvariant();
}
