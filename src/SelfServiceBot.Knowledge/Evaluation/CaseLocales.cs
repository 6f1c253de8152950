using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Engine;

namespace SelfServiceBot.Knowledge.Evaluation;

/// <summary>
/// The locale a message is ranked in when nobody said which: as the bot routes it (LuceneKnowledgeSearch), one with
/// Chinese characters to the Chinese articles, one without to the others; a knowledge base in one language takes every
/// message in that language. Without this a Chinese-only knowledge base evaluated with the English default scored 0.
/// </summary>
public sealed class CaseLocales
{
    private const string Chinese = "zh";
    private readonly Dictionary<string, string> _localeOf;

    public CaseLocales(IEnumerable<KnowledgeArticle> articles)
    {
        // A language's locale as its articles spell it (zh-CN), the most common spelling when they differ.
        _localeOf = articles
            .GroupBy(a => KnowledgeEngine.LanguageOf(a.Locale))
            .ToDictionary(g => g.Key, g => g.GroupBy(a => a.Locale, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(l => l.Count()).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
    }

    /// <summary>The languages that have articles, e.g. <c>en</c>, <c>zh</c>.</summary>
    public IReadOnlyCollection<string> Languages => _localeOf.Keys;

    /// <summary>The locale to rank <paramref name="text"/> in.</summary>
    public string For(string text)
    {
        if (_localeOf.Count == 1)
        {
            return _localeOf.Values.Single();
        }
        if (ScriptOf.HasHan(text) && _localeOf.TryGetValue(Chinese, out var chinese))
        {
            return chinese;
        }
        // The bot falls back to the conversation's language; with none given, English as everywhere else, else the
        // first other language that has articles.
        return _localeOf.GetValueOrDefault("en")
               ?? _localeOf.Where(l => l.Key != Chinese).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Value).FirstOrDefault()
               ?? "en";
    }

    /// <summary>
    /// Each case with the locale it is ranked in: its own, else <paramref name="given"/> (<c>--locale</c>), else routed.
    /// </summary>
    public IReadOnlyList<EvaluationCase> Route(IReadOnlyList<EvaluationCase> cases, string? given) =>
        cases.Select(c => c.Locale is not null ? c : c with { Locale = given ?? For(c.Text) }).ToList();

    /// <summary>Whether a locale's language has articles (a case in another is counted as a miss).</summary>
    public bool HasArticles(string locale) => _localeOf.ContainsKey(KnowledgeEngine.LanguageOf(locale));
}
