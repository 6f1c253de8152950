using System.Text.Json;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Data.Conversations;

/// <summary>A <see cref="ConversationEvent"/> as the row it is stored in.</summary>
public static class ConversationEventRecords
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The rows for a batch, each idempotency key once, in the batch's order.</summary>
    public static List<ConversationEventRecord> From(IEnumerable<ConversationEvent> events) =>
        events.DistinctBy(e => e.IdempotencyKey).Select(From).ToList();

    public static ConversationEventRecord From(ConversationEvent e) => new()
    {
        IdempotencyKey = e.IdempotencyKey,
        ChannelId = e.ChannelId,
        ConversationId = e.ConversationId,
        UserId = e.UserId,
        Type = e.Type,
        OccurredAt = e.OccurredAt,
        Locale = e.Locale,
        ArticleId = e.ArticleId,
        Confidence = e.Confidence,
        Reason = e.Reason,
        Text = e.Text,
        DataJson = e.Data is { Count: > 0 } data ? JsonSerializer.Serialize(data, Json) : null,
    };
}
