namespace SelfServiceBot.BotFramework.Storage;

/// <summary>A local Direct Line conversation.</summary>
public sealed class DirectLineConversation
{
    public required string Id { get; set; }
    public string? UserId { get; set; }
    public string? Locale { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last sequence number handed out; the watermark clients see.</summary>
    public long LastSequence { get; set; }
    public bool Ended { get; set; }
}

/// <summary>One activity of a Direct Line conversation, in order; the sequence is the watermark.</summary>
public sealed class DirectLineActivity
{
    public required string ConversationId { get; set; }
    public long Sequence { get; set; }
    public required string Type { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// The client's id for what it posted (<c>channelData.clientActivityID</c> or its own <c>id</c>), or the bot's for a reply
    /// (the inbound activity and the reply's number): a retried post or a turn run again after a crash is logged once.
    /// </summary>
    public string? ClientActivityId { get; set; }
}
