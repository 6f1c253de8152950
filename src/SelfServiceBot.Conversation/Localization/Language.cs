namespace SelfServiceBot.Conversation.Localization;

/// <summary>The two languages the bot speaks, chosen from the activity's locale.</summary>
internal static class Language
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    /// <summary>zh, zh-CN, zh-Hans... speak Chinese; any other locale English; no locale keeps the conversation's.</summary>
    public static string Resolve(string? activityLocale, string? conversationLocale)
    {
        if (!string.IsNullOrWhiteSpace(activityLocale))
        {
            return activityLocale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
        }
        return conversationLocale ?? English;
    }
}
