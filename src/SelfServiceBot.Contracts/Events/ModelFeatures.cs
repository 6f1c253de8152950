namespace SelfServiceBot.Contracts.Events;

/// <summary>
/// What a call to the generative model was for (<c>model_called</c>'s <c>DataJson.feature</c>, docs/ai.md).
/// The values are persisted: never change one.
/// </summary>
public static class ModelFeatures
{
    /// <summary>A reply composed from the top articles, with citations.</summary>
    public const string GroundedAnswer = "grounded_answer";
    /// <summary>A follow-up rewritten into a standalone question before the search.</summary>
    public const string FollowUp = "follow_up";
    /// <summary>The summary that heads a hand-off in the agent console.</summary>
    public const string HandoffSummary = "handoff_summary";
    /// <summary>A knowledge-base article drafted from a resolved chat.</summary>
    public const string ArticleDraft = "article_draft";

    public static readonly IReadOnlyList<string> All = [GroundedAnswer, FollowUp, HandoffSummary, ArticleDraft];
}

/// <summary>model_called's <c>DataJson.outcome</c>. Persisted: never change one.</summary>
public static class ModelCallOutcomes
{
    public const string Completed = "completed";
    public const string TimedOut = "timed_out";
    public const string Failed = "failed";
    /// <summary>The service answered, but the reply was not used (no valid citation, too long, not a usable rewrite).</summary>
    public const string Rejected = "rejected";
    /// <summary>Not asked: the circuit breaker was open after repeated failures, so no request left (tokens 0).</summary>
    public const string Skipped = "skipped";
}
