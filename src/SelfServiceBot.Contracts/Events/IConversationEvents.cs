namespace SelfServiceBot.Contracts.Events;

/// <summary>
/// The one channel through which the conversation reports what happened (docs/conversation-events.md).
/// It lives in Contracts, below the conversation, the hand-off desk and the cost module, so each can depend on it.
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
    /// <summary>One of <see cref="ConversationEventTypes"/> or <see cref="HandoffEventTypes"/>.</summary>
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
    /// <summary>Type-specific extras, stored as a JSON object, keyed by <see cref="EventDataKeys"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }
}
