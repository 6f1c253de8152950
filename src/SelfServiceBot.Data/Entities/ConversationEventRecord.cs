namespace SelfServiceBot.Data.Entities;

/// <summary>One thing that happened in a conversation (see docs/conversation-events.md).</summary>
public sealed class ConversationEventRecord : IIdempotentRecord
{
    public long Id { get; set; }
    /// <summary>Unique: the same turn replayed records nothing twice.</summary>
    public required string IdempotencyKey { get; set; }
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public string? UserId { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? Locale { get; set; }
    public string? ArticleId { get; set; }
    public int? Confidence { get; set; }
    public string? Reason { get; set; }
    public string? Text { get; set; }
    public string? DataJson { get; set; }
}
