using System.Globalization;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data;

namespace SelfServiceBot.Web.Legal;

public enum LegalDocument
{
    Privacy,
    Terms,
}

/// <summary>The text of a legal page: the operator's Markdown file for the language (or the English one), else the built-in text.</summary>
public sealed class LegalContent(IOptions<LegalOptions> legal, IOptions<DatabaseOptions> database, IWebHostEnvironment environment)
{
    public (string Title, string Markdown) Get(LegalDocument document, CultureInfo culture)
    {
        var texts = LegalTexts.For(culture);
        var title = document == LegalDocument.Privacy ? texts.PrivacyTitle : texts.TermsTitle;
        var files = document == LegalDocument.Privacy ? legal.Value.PrivacyMarkdownPath : legal.Value.TermsMarkdownPath;
        var language = texts.Culture.Name;
        if (files.TryGetValue(language, out var path) || files.TryGetValue("en", out path))
        {
            // Read on every request: an edited file shows without a restart.
            return (title, File.ReadAllText(Path.Combine(environment.ContentRootPath, path)));
        }
        var markdown = document == LegalDocument.Privacy ? texts.Privacy : texts.Terms;
        return (title, markdown
            .Replace("{retention}", texts.Retention(database.Value.ConversationRetentionDays), StringComparison.Ordinal)
            .Replace("{operator}", Value(legal.Value.Operator, texts.DefaultOperator), StringComparison.Ordinal)
            .Replace("{contact}", Value(legal.Value.Contact, texts.DefaultContact), StringComparison.Ordinal));
    }

    internal static bool FilesExist(LegalOptions options, IWebHostEnvironment environment) =>
        options.PrivacyMarkdownPath.Values.Concat(options.TermsMarkdownPath.Values)
            .All(path => File.Exists(Path.Combine(environment.ContentRootPath, path)));

    private static string Value(string? configured, string fallback) => string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim();
}
