using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Ranking;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SelfServiceBot.Knowledge.Engine;

/// <summary>
/// The knowledge base, searchable in each of its languages. Built once per version of the
/// knowledge base and never changed: a new version gets a new engine, which the caller swaps in.
/// </summary>
public sealed class KnowledgeEngine : IDisposable
{
    private readonly IReadOnlyDictionary<string, LanguageIndex> _languages;
    private readonly Dictionary<(string Language, string Id), KnowledgeArticle> _byId = [];
    private readonly ISentenceEncoder? _encoder;

    private KnowledgeEngine(IReadOnlyDictionary<string, LanguageIndex> languages, ISentenceEncoder? encoder)
    {
        _languages = languages;
        _encoder = encoder;
        foreach (var (language, index) in languages)
        {
            foreach (var article in index.Articles)
            {
                _byId.TryAdd((language, article.Id), article);
            }
        }
    }

    public IReadOnlyCollection<string> Languages => _languages.Keys.ToList();

    public int ArticleCount => _languages.Values.Sum(l => l.Articles.Count);

    public IEnumerable<KnowledgeArticle> Articles => _languages.Values.SelectMany(l => l.Articles);

    /// <param name="synonymsFor">The synonym table of a language ("en", "zh").</param>
    /// <param name="directoryFor">Where a language's Lucene index lives, and whether it must be (re)written.</param>
    /// <param name="modelPathFor">Where a language's trained model is kept (null: trained in memory).</param>
    /// <param name="encoder">The sentence encoder of hybrid ranking, for the languages it covers (null: lexical only).</param>
    /// <param name="vectorsPathFor">Where a language's phrasing vectors are stored, so a rebuild embeds only what changed
    /// (null: embedded in memory).</param>
    public static KnowledgeEngine Build(IReadOnlyList<KnowledgeArticle> articles, Func<string, SynonymTable> synonymsFor,
        Func<string, (LuceneDirectory Directory, bool Write)> directoryFor, RankingSettings? settings = null,
        Func<string, string>? modelPathFor = null, ISentenceEncoder? encoder = null, Func<string, string>? vectorsPathFor = null)
    {
        var languages = new Dictionary<string, LanguageIndex>(StringComparer.Ordinal);
        try
        {
            foreach (var group in articles.GroupBy(a => LanguageOf(a.Locale)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var (directory, write) = directoryFor(group.Key);
                var language = group.Key;
                var encode = encoder is not null && encoder.Covers(language)
                    ? texts => EncodePhrasings(encoder, vectorsPathFor?.Invoke(language), texts)
                    : (Func<IReadOnlyList<string>, float[][]>?)null;
                languages[language] = LanguageIndex.Open(language, group.ToList(), synonymsFor(language), directory, write,
                    settings ?? RankingSettings.Default, modelPathFor?.Invoke(language), encode);
            }
        }
        catch
        {
            foreach (var built in languages.Values)
            {
                built.Dispose();
            }
            throw;
        }
        return new KnowledgeEngine(languages, encoder);
    }

    // Building is CPU work that callers already run off the request path (KnowledgeEngineProvider), so waiting here
    // blocks no request thread; the build as a whole stays synchronous for the CLI and the tests.
    private static float[][] EncodePhrasings(ISentenceEncoder encoder, string? path, IReadOnlyList<string> texts) =>
        PhrasingVectorStore.LoadOrEncodeAsync(path, encoder, texts, CancellationToken.None).GetAwaiter().GetResult().Vectors;

    /// <summary>Whether any language's index ranks with meaning too.</summary>
    public bool IsHybridAnywhere => _languages.Values.Any(l => l.IsHybrid);

    /// <summary>Whether the language's index ranks with meaning too (its articles were embedded).</summary>
    public bool IsHybrid(string? locale) => _languages.TryGetValue(LanguageOf(locale), out var index) && index.IsHybrid;

    /// <summary>
    /// Candidate articles in the locale's language, best first (empty when it has no articles), by words alone: the
    /// ranking of an engine built without an encoder. <see cref="RankAsync"/> ranks by meaning too where the index can.
    /// </summary>
    public RankedResult Rank(string text, string? locale, int max = 10) =>
        _languages.TryGetValue(LanguageOf(locale), out var index) ? index.Rank(text, max) : RankedResult.Empty;

    /// <summary>Candidate articles in the locale's language, best first, by words and, where the index is hybrid, meaning.</summary>
    public async Task<RankedResult> RankAsync(string text, string? locale, int max = 10, CancellationToken cancellationToken = default)
    {
        if (!_languages.TryGetValue(LanguageOf(locale), out var index))
        {
            return RankedResult.Empty;
        }
        var meaning = index.IsHybrid && _encoder is not null && !string.IsNullOrWhiteSpace(text)
            ? await _encoder.EncodeQueryAsync(text, cancellationToken)
            : null;
        return index.Rank(text, max, meaning);
    }

    /// <summary>
    /// The article with this id, or null. Ids are unique within a locale (the loaders reject a second one): the locale's
    /// language is looked in first, then the others in order.
    /// </summary>
    public KnowledgeArticle? Find(string id, string? locale) =>
        new[] { LanguageOf(locale) }.Concat(OtherLanguages(locale))
            .Select(language => _byId.GetValueOrDefault((language, id)))
            .FirstOrDefault(a => a is not null);

    /// <summary>The languages other than the locale's, for a customer writing in another language than their browser's.</summary>
    public IEnumerable<string> OtherLanguages(string? locale) =>
        _languages.Keys.Where(l => l != LanguageOf(locale)).Order(StringComparer.Ordinal);

    /// <summary>
    /// Each phrasing asked as a customer message with its own Lucene document left out: the best
    /// article it finds, for <c>kb lint</c> (a phrasing that finds another article first is a conflict).
    /// </summary>
    public IEnumerable<PhrasingCheck> CheckPhrasings() => _languages.Values.SelectMany(l => l.CheckPhrasings());

    /// <summary>The primary language subtag, lower case: zh-CN and zh-Hans-CN share the zh index.</summary>
    public static string LanguageOf(string? locale) =>
        string.IsNullOrEmpty(locale) ? "en" : locale.Split('-', '_')[0].ToLowerInvariant();

    public void Dispose()
    {
        foreach (var index in _languages.Values)
        {
            index.Dispose();
        }
    }
}

/// <summary>What a phrasing of <see cref="Article"/> finds when asked on its own.</summary>
public sealed record PhrasingCheck(KnowledgeArticle Article, string Phrasing, RankedArticle? Best);
