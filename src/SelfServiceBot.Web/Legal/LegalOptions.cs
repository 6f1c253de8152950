namespace SelfServiceBot.Web.Legal;

/// <summary>
/// The <c>Legal</c> section: what /privacy and /terms say. Without files the pages show built-in text that names what
/// the bot stores and for how long (<c>Database:ConversationRetentionDays</c>), with <see cref="Operator"/> and
/// <see cref="Contact"/> filled in. With files (Markdown: # headings, - lists, paragraphs) the operator's own text is shown
/// as written, per language: <c>Legal:PrivacyMarkdownPath:en</c>, <c>Legal:PrivacyMarkdownPath:zh-CN</c>; a language
/// without a file gets the English file.
/// </summary>
public sealed class LegalOptions
{
    public const string SectionName = "Legal";

    /// <summary>Who runs the service, as customers know them (e.g. "Contoso Ltd").</summary>
    public string? Operator { get; set; }

    /// <summary>Where customers ask about or have their data deleted (an e-mail address, a web page).</summary>
    public string? Contact { get; set; }

    /// <summary>Culture name (en, zh-CN) to a Markdown file; relative paths are from the content root.</summary>
    public Dictionary<string, string> PrivacyMarkdownPath { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> TermsMarkdownPath { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
