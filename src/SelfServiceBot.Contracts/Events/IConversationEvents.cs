namespace SelfServiceBot.Data.Conversations;

/// <summary>
/// The one channel through which the conversation reports what happened (docs/conversation-events.md).
/// It lives here, below both the conversation and the cost module, so either side can depend on it.
/// </summary>
public interface IConversationEvents
{
    /// <summary>
    /// Records the events of one turn, in order. An event whose <see cref="ConversationEvent.IdempotencyKey"/>
    /// is already recorded is skipped, so a replayed turn records nothing twice.
    /// </summary>
    Task RecordAsync(IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken);
}

/// <summary>One thing that happened in a conversation; which fields are set depends on <see cref="Type"/>.</summary>
public sealed record ConversationEvent
{
    /// <summary>One of <see cref="ConversationEventTypes"/>.</summary>
    public required string Type { get; init; }
    public required string IdempotencyKey { get; init; }
    public required string ChannelId { get; init; }
    public required string ConversationId { get; init; }
    public string? UserId { get; init; }
    /// <summary>The conversation's language: en or zh-CN.</summary>
    public string? Locale { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string? ArticleId { get; init; }
    /// <summary>0-100, the knowledge search's confidence in <see cref="ArticleId"/>.</summary>
    public int? Confidence { get; init; }
    public string? Reason { get; init; }
    public string? Text { get; init; }
    /// <summary>Type-specific extras, stored as a JSON object (e.g. helpful, articleIds, reference, category).</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }
}

public static class ConversationEventTypes
{
    public const string ContactStarted = "contact_started";
    public const string CustomerMessage = "customer_message";
    public const string AnswerShown = "answer_shown";
    public const string Feedback = "feedback";
    public const string ClarifyShown = "clarify_shown";
    public const string HandoffRequested = "handoff_requested";
    public const string ConversationEnded = "conversation_ended";
}

/// <summary>
/// What a customer's message was (<c>customer_message</c>'s <c>DataJson.intent</c>). The cost module takes a contact's
/// question, and so its knowledge gap, only from a question, never from "hi", a "Yes" button or "talk to a person".
/// The other values: greeting, restart, helpful, not_helpful, pick_article, none_of_these, accept_handoff,
/// ask_something_else, request_handoff.
/// </summary>
public static class CustomerMessageIntents
{
    public const string Question = "question";
    /// <summary>Written while a hand-off is open: the customer's own words to the agent about their problem.</summary>
    public const string ToAgent = "to_agent";
}
