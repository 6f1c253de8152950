namespace SelfServiceBot.Contracts.Events;

/// <summary>
/// The keys of <see cref="ConversationEvent.Data"/>, stored as the fields of ConversationEvents.DataJson
/// (docs/conversation-events.md lists which type carries which). Written by the conversation and the hand-off desk,
/// read by the cost module: the values are persisted, never change one.
/// </summary>
public static class EventDataKeys
{
    /// <summary>contact_started: join, members_added, message or restart.</summary>
    public const string Trigger = "trigger";
    /// <summary>customer_message: one of <see cref="CustomerMessageIntents"/>.</summary>
    public const string Intent = "intent";
    /// <summary>answer_shown, handoff_requested (the knowledge base's guess), handoff_resolved (the disposition).</summary>
    public const string Category = "category";
    public const string Title = "title";
    /// <summary>answer_shown: "related" for a related question, else absent.</summary>
    public const string Via = "via";
    /// <summary>feedback: true or false.</summary>
    public const string Helpful = "helpful";
    /// <summary>clarify_shown: the articles offered, and their confidences in the same order.</summary>
    public const string ArticleIds = "articleIds";
    public const string Confidences = "confidences";
    /// <summary>handoff_requested, offline_ticket_created: the hand-off's reference, e.g. H-7K3Q9.</summary>
    public const string Reference = "reference";
    public const string Queue = "queue";
    public const string Priority = "priority";
    /// <summary>handoff_queued: 1 = next.</summary>
    public const string Position = "position";
    public const string AgentId = "agentId";
    public const string WaitSeconds = "waitSeconds";
    public const string HandleMinutes = "handleMinutes";
    public const string Resolved = "resolved";
    /// <summary>csat_given: 1-5.</summary>
    public const string Score = "score";
    /// <summary>customer_message: the standalone question a follow-up was rewritten into, the text that was searched.</summary>
    public const string Rewritten = "rewritten";
    /// <summary>answer_shown: true when the reply was composed by the model from the articles, else absent.</summary>
    public const string Generated = "generated";
    /// <summary>answer_shown (generated): the ids of the articles the reply cited, in citation order.</summary>
    public const string CitedArticleIds = "citedArticleIds";
    /// <summary>model_called: one of <see cref="ModelFeatures"/>.</summary>
    public const string Feature = "feature";
    /// <summary>model_called: the model or deployment asked.</summary>
    public const string Model = "model";
    /// <summary>model_called: completed, timed_out, failed, or rejected (answered, but the reply was not used).</summary>
    public const string Outcome = "outcome";
    /// <summary>model_called: the tokens the service reported, priced as llm_input/llm_output_per_million_tokens.</summary>
    public const string InputTokens = "inputTokens";
    public const string OutputTokens = "outputTokens";
    /// <summary>model_called: how long the call took, in milliseconds.</summary>
    public const string ElapsedMilliseconds = "elapsedMs";
}
