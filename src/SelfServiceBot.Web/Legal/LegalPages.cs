using System.Globalization;
using Microsoft.AspNetCore.Localization;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Legal;

/// <summary>
/// /privacy and /terms, public pages the Teams manifest links to (Teams shows them before a user adds the app). English or
/// Simplified Chinese as the staff pages choose (the language cookie, then Accept-Language), or ?culture=zh-CN.
/// </summary>
public static class LegalPages
{
    public const string PrivacyPath = "/privacy";
    public const string TermsPath = "/terms";

    public static WebApplicationBuilder AddLegalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LegalOptions>().BindConfiguration(LegalOptions.SectionName)
            .Validate<IWebHostEnvironment>(LegalContent.FilesExist,
                "A file named in Legal:PrivacyMarkdownPath or Legal:TermsMarkdownPath does not exist (relative paths are from the content root).")
            .ValidateOnStart();
        builder.Services.AddSingleton<LegalContent>();
        return builder;
    }

    /// <summary>The pages' language: as the staff pages choose it, or ?culture=zh-CN.</summary>
    public static WebApplication UseLegalPageCultures(this WebApplication app)
    {
        var cultures = StaffCultures.CreateLocalizationOptions();
        cultures.RequestCultureProviders.Insert(0, new QueryStringRequestCultureProvider());
        app.UseWhen(context => context.Request.Path.Equals(PrivacyPath) || context.Request.Path.Equals(TermsPath),
            branch => branch.UseRequestLocalization(cultures));
        return app;
    }

    public static WebApplication MapLegalPages(this WebApplication app)
    {
        app.MapGet(PrivacyPath, (LegalContent content) => Page(content, LegalDocument.Privacy));
        app.MapGet(TermsPath, (LegalContent content) => Page(content, LegalDocument.Terms));
        return app;
    }

    private static IResult Page(LegalContent content, LegalDocument document)
    {
        var culture = CultureInfo.CurrentUICulture;
        var (title, markdown) = content.Get(document, culture);
        var texts = LegalTexts.For(culture);
        var html = $"""
            <!DOCTYPE html>
            <html lang="{texts.Culture.Name}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{LegalMarkdown.Encode(title)}</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1f2937{"}"}</style>
            </head>
            <body>
            <main>
            {LegalMarkdown.ToHtml(markdown)}</main>
            <footer><a href="{PrivacyPath}">{LegalMarkdown.Encode(texts.PrivacyTitle)}</a> · <a href="{TermsPath}">{LegalMarkdown.Encode(texts.TermsTitle)}</a></footer>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
