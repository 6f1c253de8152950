using System.Globalization;

namespace SelfServiceBot.Knowledge.Interchange;

/// <summary>An article's <c>updated</c> date in the interchange formats: yyyy-MM-dd, as in the Markdown front matter.</summary>
internal static class ArticleDates
{
    /// <summary>False, with the reason, for text that is not such a date; empty or missing text is no date.</summary>
    public static bool TryParse(string? text, out DateOnly? date, out string? reason)
    {
        date = null;
        reason = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            reason = $"'updated' must be a date like 2026-01-31, not '{text}'";
            return false;
        }
        date = parsed;
        return true;
    }

    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
