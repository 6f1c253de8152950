namespace SelfServiceBot.Conversation;

/// <summary>The <c>Conversation</c> section: how the bot behaves in a conversation.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>
    /// How long the customer waits for an answer before the bot shows the typing indicator (as the Bot Framework SDK's
    /// ShowTypingMiddleware, whose default is 500 ms). An answer ready sooner needs none, and on Teams or behind Azure Bot
    /// Service each typing is one more call to the connector. Zero: typing before every search.
    /// </summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
