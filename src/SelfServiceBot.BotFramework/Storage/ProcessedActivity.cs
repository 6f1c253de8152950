namespace SelfServiceBot.BotFramework.Storage;

/// <summary>An inbound activity claimed or completed by some instance (idempotency across redeliveries).</summary>
public sealed class ProcessedActivity
{
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Who holds the claim (a random token per attempt): only the holder renews it and records its replies.</summary>
    public string? ClaimToken { get; set; }
    /// <summary>When the holder recorded that the turn's replies went out: a takeover does not send them again.</summary>
    public DateTimeOffset? RepliedAt { get; set; }
}
