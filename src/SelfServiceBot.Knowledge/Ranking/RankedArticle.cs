using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Ranking;

/// <summary>
/// An article's evidence for one message, and what it adds up to. Kept whole so a score can always
/// be explained (<c>kb ask --explain</c>): which phrasing matched, how much of the message it covers,
/// what the classifier thought.
/// </summary>
public sealed record RankedArticle
{
    public required KnowledgeArticle Article { get; init; }
    /// <summary>The ranking score: BM25 relative to the best article, blended with the classifier's probability.</summary>
    public required double Score { get; init; }
    /// <summary>BM25 of the article's closest phrasing.</summary>
    public required double QuestionScore { get; init; }
    /// <summary>BM25 of the answer text and tags.</summary>
    public required double BodyScore { get; init; }
    public required double ClassifierProbability { get; init; }
    /// <summary>Share of the message's term weight (IDF) that the closest phrasing contains.</summary>
    public required double MessageCoverage { get; init; }
    /// <summary>Share of the closest phrasing's term weight that the message contains.</summary>
    public required double PhrasingCoverage { get; init; }
    public string? ClosestPhrasing { get; init; }
    /// <summary>Cosine similarity of the message and the article's nearest phrasing by meaning (0 when ranking is lexical).</summary>
    public double DenseSimilarity { get; init; }
    /// <summary>The article's phrasing nearest the message by meaning (null when ranking is lexical).</summary>
    public string? DensePhrasing { get; init; }
    /// <summary>Calibrated 0-100: the estimated chance, in percent, that this article is the right answer.</summary>
    public int Confidence { get; init; }
}

/// <summary>All candidate articles for a message, best first, with the terms the message was analysed into.</summary>
public sealed record RankedResult(IReadOnlyList<RankedArticle> Articles, IReadOnlyList<string> Terms, IReadOnlyDictionary<string, string> Corrections)
{
    public static readonly RankedResult Empty = new([], [], new Dictionary<string, string>());
}
