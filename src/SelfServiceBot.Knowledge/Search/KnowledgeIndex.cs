using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Text;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// The articles of one language, each as the token sets of its phrasings (title and alternate
/// questions), with inverse document frequencies so that "order", which many articles mention,
/// counts for less than "invoice", which one does.
/// </summary>
public sealed class KnowledgeIndex
{
    private readonly IReadOnlyList<Entry> _entries;
    private readonly Dictionary<string, double> _idf;
    private readonly double _rareTokenWeight;

    private KnowledgeIndex(IReadOnlyList<Entry> entries, Dictionary<string, double> idf, double rareTokenWeight)
    {
        _entries = entries;
        _idf = idf;
        _rareTokenWeight = rareTokenWeight;
    }

    public int Count => _entries.Count;

    public static KnowledgeIndex Build(IEnumerable<KnowledgeArticle> articles)
    {
        var entries = articles
            .Select(a => new Entry(a, new[] { a.Title }.Concat(a.Questions)
                .Select(p => TextAnalyzer.Tokenize(p).ToHashSet(StringComparer.Ordinal))
                .Where(set => set.Count > 0)
                .ToList()))
            .ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in entries.SelectMany(e => e.Phrasings.SelectMany(p => p).Distinct()))
        {
            documentFrequency[token] = documentFrequency.GetValueOrDefault(token) + 1;
        }
        var n = Math.Max(entries.Count, 1);
        var idf = documentFrequency.ToDictionary(kv => kv.Key, kv => Math.Log(1 + (double)n / kv.Value), StringComparer.Ordinal);
        return new KnowledgeIndex(entries, idf, rareTokenWeight: Math.Log(1 + n));
    }

    /// <summary>Every article scored 0-100 against the question, best first; zeros left out.</summary>
    public IReadOnlyList<(KnowledgeArticle Article, int Confidence)> Score(string question)
    {
        var query = TextAnalyzer.Tokenize(question).ToHashSet(StringComparer.Ordinal);
        if (query.Count == 0)
        {
            return [];
        }
        var queryWeight = query.Sum(Weight);
        return _entries
            .Select(e => (e.Article, Confidence: (int)Math.Round(100 * e.Phrasings.Max(p => Dice(query, queryWeight, p)))))
            .Where(s => s.Confidence > 0)
            .OrderByDescending(s => s.Confidence)
            .ThenBy(s => s.Article.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Weighted Dice overlap (1 when question and phrasing say the same things, in any order), scaled
    /// down when the shared words are all common ones: "order" alone equals the phrasing "Where is my
    /// order?" but says too little to answer it outright.
    /// </summary>
    private double Dice(HashSet<string> query, double queryWeight, HashSet<string> phrasing)
    {
        var shared = 0.0;
        foreach (var token in query)
        {
            if (phrasing.Contains(token))
            {
                shared += Weight(token);
            }
        }
        if (shared == 0)
        {
            return 0;
        }
        var evidence = Math.Min(1, shared / _rareTokenWeight);
        return evidence * 2 * shared / (queryWeight + phrasing.Sum(Weight));
    }

    // Words no article uses dilute the match but should not sink it: customers add context ("right now").
    private double Weight(string token) => _idf.TryGetValue(token, out var w) ? w : UnknownTokenWeight;

    private const double UnknownTokenWeight = 1.0;

    private sealed record Entry(KnowledgeArticle Article, List<HashSet<string>> Phrasings);
}
