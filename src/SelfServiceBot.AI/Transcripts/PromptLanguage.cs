namespace SelfServiceBot.AI.Transcripts;

/// <summary>The product's two languages as a model reads them in an instruction.</summary>
public static class PromptLanguage
{
    /// <summary>"zh-CN" (or any zh) is Simplified Chinese; everything else English, the console's other language.</summary>
    public static string Normalize(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";

    public static string NameOf(string? locale) =>
        Normalize(locale) == "zh-CN" ? "Simplified Chinese (简体中文)" : "English";
}
