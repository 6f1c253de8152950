namespace SelfServiceBot.Contracts.Conversations;

/// <summary>
/// One conversation on one channel: conversation ids are unique only within their channel. Stored and used as a
/// lock and cache key in its <see cref="ToString"/> form, <c>"{channelId}|{conversationId}"</c>.
/// </summary>
public readonly record struct ConversationKey(string ChannelId, string ConversationId)
{
    /// <summary>The key of an activity's conversation, or null when it names none.</summary>
    public static ConversationKey? From(string? channelId, string? conversationId) =>
        string.IsNullOrEmpty(conversationId) ? null : new ConversationKey(channelId ?? "", conversationId);

    /// <summary>Reads a stored key back; the conversation id may itself contain '|', the channel id never does.</summary>
    public static ConversationKey Parse(string stored)
    {
        var bar = stored.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            throw new FormatException($"'{stored}' is not a conversation key: expected channelId|conversationId.");
        }
        return new ConversationKey(stored[..bar], stored[(bar + 1)..]);
    }

    public override string ToString() => $"{ChannelId}|{ConversationId}";
}
