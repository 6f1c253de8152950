using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Decisions;

namespace SelfServiceBot.Knowledge;

/// <summary>The <c>Knowledge</c> section.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// Folder holding <c>&lt;locale&gt;/&lt;category&gt;/&lt;slug&gt;.md</c>. Relative paths are taken from the content
    /// root. When empty, the nearest <c>knowledgebase/</c> above the content root or working directory is used.
    /// </summary>
    public string? KnowledgeBasePath { get; set; }

    /// <summary>Where the Lucene index is kept (relative to the content root); rebuilt when the knowledge base changes.</summary>
    public string IndexPath { get; set; } = "data/index";

    /// <summary>Re-read the knowledge base when its files change, swapping the index in without dropping requests.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// How often each instance asks the database whether articles were published (by any instance) and reloads when so;
    /// 0 turns the poll off. The instance that publishes reloads at once.
    /// </summary>
    public int SharedPollSeconds { get; set; } = 10;

    /// <summary>Calibrated confidence (0-100) from which the best article is answered directly.</summary>
    public int AnswerThreshold { get; set; } = 50;

    /// <summary>
    /// Confidence from which articles are offered as "Did you mean" choices; below it there is no match. Set from the sample
    /// knowledge bases, which are the size a customer's own starts at: with 5-10 phrasings an article, most right articles
    /// are ranked first with a confidence of 20-50 (docs/knowledge.md). Offering them costs an out-of-scope question one
    /// click ("None of these") before a person is offered; giving up sends an answerable one to a person.
    /// </summary>
    public int ClarifyThreshold { get; set; } = 20;

    /// <summary>
    /// When the runner-up is within this many points of an answerable best article, the customer is
    /// asked to choose rather than shown a coin toss.
    /// </summary>
    public int AmbiguityMargin { get; set; } = 8;

    /// <summary>What Chinese text becomes in the index: Bigrams (the default, measured best), Words or WordsAndBigrams
    /// (docs/knowledge.md, "Chinese"). Changing it rebuilds the index.</summary>
    public ChineseAnalysis ChineseAnalysis { get; set; } = ChineseAnalysis.Bigrams;

    /// <summary>Per-locale overrides (key: a locale such as zh-CN, or a language such as zh); unset values fall back to the above.</summary>
    public Dictionary<string, LocaleThresholds> Locales { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Thresholds ThresholdsFor(string? locale)
    {
        var language = locale?.Split('-', '_')[0];
        var specific = locale is not null && Locales.TryGetValue(locale, out var exact) ? exact
            : language is not null && Locales.TryGetValue(language, out var byLanguage) ? byLanguage
            : null;
        return new Thresholds(
            specific?.AnswerThreshold ?? AnswerThreshold,
            specific?.ClarifyThreshold ?? ClarifyThreshold,
            specific?.AmbiguityMargin ?? AmbiguityMargin);
    }

    internal bool IsValid() => SharedPollSeconds >= 0 && Enum.IsDefined(ChineseAnalysis) &&
        new string?[] { null }.Concat(Locales.Keys).All(locale => ThresholdsFor(locale) is var t
            && t.Clarify is >= 0 and <= 100 && t.Answer is >= 0 and <= 100 && t.Clarify <= t.Answer && t.AmbiguityMargin >= 0);
}

/// <summary>Thresholds for one locale; null = use the section's default.</summary>
public sealed class LocaleThresholds
{
    public int? AnswerThreshold { get; set; }
    public int? ClarifyThreshold { get; set; }
    public int? AmbiguityMargin { get; set; }
}
