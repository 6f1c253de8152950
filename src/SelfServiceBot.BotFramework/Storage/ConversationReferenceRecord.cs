namespace SelfServiceBot.BotFramework.Storage;

/// <summary>
/// Where to write to a conversation later (proactive messages, agent replies). Stored only from
/// activities whose token was validated, so its serviceUrl is trusted.
/// </summary>
public sealed class ConversationReferenceRecord
{
    public required string ConversationKey { get; set; }
    public required string ChannelId { get; set; }
    public required string ServiceUrl { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
