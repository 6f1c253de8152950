namespace SelfServiceBot.Data.Entities;

/// <summary>An inbound activity claimed or completed by some instance (idempotency across redeliveries).</summary>
public sealed class ProcessedActivity
{
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
