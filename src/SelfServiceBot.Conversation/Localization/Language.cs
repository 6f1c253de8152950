using SelfServiceBot.Contracts.Localization;

namespace SelfServiceBot.Conversation.Localization;

/// <summary>The language a turn is answered in: the activity's, else the conversation's (<see cref="Locales"/>).</summary>
internal static class Language
{
    public const string English = Locales.English;
    public const string Chinese = Locales.Chinese;

    /// <summary>zh, zh-CN, zh-Hans... speak Chinese; any other locale English; no locale keeps the conversation's.</summary>
    public static string Resolve(string? activityLocale, string? conversationLocale)
    {
        if (!string.IsNullOrWhiteSpace(activityLocale))
        {
            return Locales.Normalize(activityLocale);
        }
        return conversationLocale ?? English;
    }
}
