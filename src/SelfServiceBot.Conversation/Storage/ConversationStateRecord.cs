namespace SelfServiceBot.Conversation.Storage;

/// <summary>The bot's dialog state for one conversation, as JSON, with optimistic concurrency.</summary>
public sealed class ConversationStateRecord
{
    /// <summary>"{channelId}|{conversationId}".</summary>
    public required string ConversationKey { get; set; }
    public required string Json { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
