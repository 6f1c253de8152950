namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// The one question the conversation asks the knowledge base, answered by the Lucene.Net index
/// (<see cref="LuceneKnowledgeSearch"/>). Kept this narrow so another ranking can replace it without the conversation changing.
/// </summary>
public interface IKnowledgeSearch
{
    /// <param name="text">The customer's words, as typed.</param>
    /// <param name="locale">The conversation's language (e.g. en, zh-CN); other languages are tried when it has no match.</param>
    Task<KnowledgeResult> SearchAsync(string text, string locale, CancellationToken cancellationToken);

    /// <summary>
    /// The articles an article names as related (its <c>related</c> ids that exist, in its locale first, in their order,
    /// at most <paramref name="max"/>): the follow-up questions the bot suggests once its answer helped. Their confidence
    /// is 0: nobody asked for them.
    /// </summary>
    /// <param name="locale">The conversation's language: where <paramref name="articleId"/> is looked for first.</param>
    Task<IReadOnlyList<KnowledgeCandidate>> RelatedAsync(string articleId, string locale, int max, CancellationToken cancellationToken);
}

public enum KnowledgeDecision
{
    /// <summary>Confident enough to show the first candidate's answer.</summary>
    Answer,
    /// <summary>Several plausible articles, or one that is only likely: ask which was meant.</summary>
    Clarify,
    /// <summary>Nothing close enough.</summary>
    NoMatch,
}

/// <summary>An article that may answer the question; <see cref="Confidence"/> is 0-100.</summary>
public sealed record KnowledgeCandidate(string ArticleId, string Title, string Answer, int Confidence, string Category, string Locale);

/// <summary>The decision and the candidates behind it, best first (empty for <see cref="KnowledgeDecision.NoMatch"/>).</summary>
public sealed record KnowledgeResult(KnowledgeDecision Decision, IReadOnlyList<KnowledgeCandidate> Candidates)
{
    public static readonly KnowledgeResult NoMatch = new(KnowledgeDecision.NoMatch, []);

    public KnowledgeCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;
}
