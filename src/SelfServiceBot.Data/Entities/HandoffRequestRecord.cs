namespace SelfServiceBot.Data.Entities;

/// <summary>A customer's request for a person, recorded until the hand-off module routes it.</summary>
public sealed class HandoffRequestRecord
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public string? UserId { get; set; }
    public string? Locale { get; set; }
    public required string Reason { get; set; }
    public string? LastCustomerText { get; set; }
    public string? TranscriptJson { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string Status { get; set; } = "recorded";
}
