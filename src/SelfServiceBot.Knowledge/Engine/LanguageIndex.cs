using Lucene.Net.Index;
using Lucene.Net.Search;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Ranking;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SelfServiceBot.Knowledge.Engine;

/// <summary>
/// One language's articles, searchable: the Lucene index (BM25 over each phrasing and over the answer
/// text), the classifier trained on the phrasings, the phrasings' sentence vectors when ranking is hybrid
/// (<c>LanguageIndex.Dense.cs</c>), and the confidence calibration. Immutable once
/// built; a changed knowledge base gets a new one (<see cref="KnowledgeEngine"/> swaps them).
/// </summary>
internal sealed partial class LanguageIndex : IDisposable
{
    private readonly int[] _docArticle;
    private readonly int[] _docPhrasing;
    private readonly int[] _articleDoc;
    private readonly (FieldPostings Question, FieldPostings Body, FieldPostings AllQuestions) _postings;
    private readonly IReadOnlyList<string>[] _phrasingTokens;
    private readonly HashSet<string>[] _phrasingTerms;
    private readonly double[] _phrasingWeights;
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly Dictionary<string, double> _idf;
    private readonly double _unknownTermIdf;
    private readonly TypoCorrector _typos;
    private readonly FeatureSpace _features;
    private readonly RankingSettings _settings;
    private SoftmaxClassifier _classifier = null!;
    private ConfidenceCalibrator _calibrator = ConfidenceCalibrator.Uncalibrated;

    public string Language { get; }
    public KnowledgeAnalyzer Analyzer { get; }
    public IReadOnlyList<KnowledgeArticle> Articles { get; }
    internal IReadOnlyList<Phrasing> Phrasings { get; }

    private LanguageIndex(string language, KnowledgeAnalyzer analyzer, IReadOnlyList<KnowledgeArticle> articles,
        IReadOnlyList<Phrasing> phrasings, LuceneDirectory directory, RankingSettings settings, SynonymTable synonyms,
        float[][]? phrasingVectors)
    {
        (_vectors, _dimensions) = Flatten(phrasingVectors, phrasings.Count);
        Language = language;
        Analyzer = analyzer;
        Articles = articles;
        Phrasings = phrasings;
        _settings = settings;
        (_docArticle, _docPhrasing, _postings) = ReadIndex(directory);
        _articleDoc = new int[articles.Count];
        for (var doc = 0; doc < _docArticle.Length; doc++)
        {
            if (_docPhrasing[doc] < 0)
            {
                _articleDoc[_docArticle[doc]] = doc;
            }
        }
        _phrasingTokens = phrasings.Select(p => analyzer.Tokens(p.Text)).ToArray();
        _phrasingTerms = _phrasingTokens.Select(t => t.ToHashSet(StringComparer.Ordinal)).ToArray();
        _documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in _phrasingTerms.SelectMany(t => t))
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
        _idf = _documentFrequency.ToDictionary(kv => kv.Key, kv => IdfOf(kv.Value), StringComparer.Ordinal);
        _unknownTermIdf = IdfOf(0);
        _phrasingWeights = _phrasingTerms.Select(terms => terms.Sum(Idf)).ToArray();
        // A synonym's variants never reach the vocabulary (the analyzer writes them as their group's first word), but
        // customers misspell them too: 包果 sounds like 包裹, which the knowledge base calls 快递.
        _typos = new TypoCorrector(_documentFrequency,
            synonyms.Groups.SelectMany(g => g.Variants.Select(v => (Spelling: v, Term: g.Canonical))));
        _features = FeatureSpace.Build(_phrasingTokens);
    }

    /// <param name="writeIndex">False when <paramref name="directory"/> already holds this exact content (see <see cref="IndexStamp"/>).</param>
    /// <param name="modelPath">Where the trained classifier and calibration are kept next to the index: read when the
    /// index is reused, written when it is built. Null: train in memory only.</param>
    /// <param name="encodePhrasings">The phrasings' sentence vectors, for hybrid ranking (null: lexical).</param>
    public static LanguageIndex Open(string language, IReadOnlyList<KnowledgeArticle> articles, SynonymTable synonyms,
        LuceneDirectory directory, bool writeIndex, RankingSettings settings, string? modelPath = null,
        Func<IReadOnlyList<string>, float[][]>? encodePhrasings = null)
    {
        var analyzer = new KnowledgeAnalyzer(synonyms);
        var phrasings = articles
            .SelectMany((a, i) => new[] { a.Title }.Concat(a.Questions).Distinct(StringComparer.OrdinalIgnoreCase).Select(q => new Phrasing(i, q)))
            .ToList();
        if (writeIndex)
        {
            IndexWriting.Write(directory, analyzer, articles, phrasings);
        }
        var vectors = encodePhrasings?.Invoke(phrasings.Select(p => p.Text).ToList());
        var index = new LanguageIndex(language, analyzer, articles, phrasings, directory, settings, synonyms, vectors);
        if (!writeIndex && modelPath is not null && index.TryLoadModel(modelPath))
        {
            return index;
        }
        index.Train();
        if (modelPath is not null)
        {
            index.SaveModel(modelPath);
        }
        return index;
    }

    /// <summary>
    /// Which article and phrasing each document is, and the postings of the searched fields: everything serving
    /// needs, read once, so no Lucene reader stays open (the index is immutable; a changed knowledge base gets a new one).
    /// </summary>
    private static (int[] Articles, int[] Phrasings, (FieldPostings, FieldPostings, FieldPostings) Postings) ReadIndex(LuceneDirectory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        var (k1, b) = (IndexWriting.Similarity.K1, IndexWriting.Similarity.B);
        var postings = (FieldPostings.Read(reader, IndexFields.Question, k1, b), FieldPostings.Read(reader, IndexFields.Body, k1, b),
            FieldPostings.Read(reader, IndexFields.AllQuestions, k1, b));
        var articles = new int[reader.MaxDoc];
        var phrasings = new int[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var stored = reader.Document(doc);
            articles[doc] = int.Parse(stored.Get(IndexFields.Article), System.Globalization.CultureInfo.InvariantCulture);
            phrasings[doc] = stored.GetField(IndexFields.Phrasing)?.GetInt32Value() ?? -1;
        }
        return (articles, phrasings, postings);
    }

    public void Dispose()
    {
        Analyzer.Dispose();
    }
}
