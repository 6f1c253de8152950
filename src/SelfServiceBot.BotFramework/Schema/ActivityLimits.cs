namespace SelfServiceBot.BotFramework.Schema;

/// <summary>
/// Longest identifiers an inbound activity may carry. They are stored in columns of bounded width (PostgreSQL enforces
/// the width, SQLite does not), so one longer than its column failed the turn's transaction with a 500 on PostgreSQL
/// only. Real channels stay far below: Teams conversation ids are a few hundred characters at most.
/// </summary>
internal static class ActivityLimits
{
    public const int Type = 64;
    public const int ChannelId = 64;
    public const int Id = 512;
    public const int ConversationId = 500;
    public const int UserId = 256;
    public const int ServiceUrl = 2048;

    /// <summary>What is too long, e.g. "conversation.id is longer than 500 characters", or null when everything fits.</summary>
    public static string? FindTooLong(Activity activity) =>
        Over("type", activity.Type, Type)
        ?? Over("channelId", activity.ChannelId, ChannelId)
        ?? Over("id", activity.Id, Id)
        ?? Over("replyToId", activity.ReplyToId, Id)
        ?? Over("conversation.id", activity.Conversation?.Id, ConversationId)
        ?? Over("from.id", activity.From?.Id, UserId)
        ?? Over("recipient.id", activity.Recipient?.Id, UserId)
        ?? Over("serviceUrl", activity.ServiceUrl, ServiceUrl);

    private static string? Over(string name, string? value, int max) =>
        value is { Length: var length } && length > max ? $"{name} is longer than {max} characters." : null;
}
