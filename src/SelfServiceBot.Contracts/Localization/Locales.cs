using System.Globalization;

namespace SelfServiceBot.Contracts.Localization;

/// <summary>
/// The two languages the product speaks. Every "is this Chinese?" question in the solution is asked here, so a
/// customer's zh-TW, zh-Hans or zh-CN and a staff member's zh culture are all answered the same way.
/// </summary>
public static class Locales
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    /// <summary>zh, zh-CN, zh-Hans, zh-TW... are Chinese; anything else, or nothing, is not.</summary>
    public static bool IsChinese(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static bool IsChinese(CultureInfo culture) => IsChinese(culture.Name);

    /// <summary>One of the two supported locales: <see cref="Chinese"/> for any Chinese locale, else <see cref="English"/>.</summary>
    public static string Normalize(string? locale) => IsChinese(locale) ? Chinese : English;
}
