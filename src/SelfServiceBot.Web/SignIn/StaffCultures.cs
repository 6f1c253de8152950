using System.Globalization;
using Microsoft.AspNetCore.Localization;
using SelfServiceBot.Contracts.Localization;

namespace SelfServiceBot.Web.SignIn;

/// <summary>
/// The staff pages speak English or Simplified Chinese: the language switch (a cookie) wins, then the browser's
/// Accept-Language. Only staff paths are localized this way; the bot and Direct Line choose their language per conversation.
/// </summary>
public static class StaffCultures
{
    public static readonly IReadOnlyList<string> Supported = ["en", "zh-CN"];

    /// <summary>Staff pages and their scripts and hubs. Modules with staff pages elsewhere add their prefix here at start.</summary>
    public static readonly List<PathString> StaffPrefixes = ["/account", "/staff", "/admin", "/agent", "/supervisor", "/reports", "/hubs"];

    public static bool IsStaffPath(PathString path) => StaffPrefixes.Any(p => path.StartsWithSegments(p));

    internal static void UseStaffCultures(this WebApplication app)
    {
        var options = CreateLocalizationOptions();
        app.UseWhen(context => IsStaffPath(context.Request.Path), branch => branch.UseRequestLocalization(options));
    }

    /// <summary>How staff pages pick their language; public pages that speak the same two languages (Legal) reuse it.</summary>
    internal static RequestLocalizationOptions CreateLocalizationOptions()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture("en")
            .AddSupportedCultures([.. Supported])
            .AddSupportedUICultures([.. Supported]);
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }

    /// <summary>GET /account/language?culture=zh-CN&amp;returnUrl=/staff sets the language cookie (a year) and goes back.</summary>
    internal static void MapStaffCultureSwitch(this WebApplication app)
    {
        app.MapGet("/account/language", (HttpContext context, string? culture, string? returnUrl) =>
        {
            var chosen = Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? "en";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : SignInExtensions.HomePath);
        });
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>
    /// The request's UI culture as the localization middleware chose it (English where none ran): what a page's texts are
    /// read with, e.g. <c>StaffTexts.For(HttpContext.RequestUiCulture())</c>.
    /// </summary>
    public static CultureInfo RequestUiCulture(this HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo(Locales.English);

    public static bool IsChinese => Locales.IsChinese(CultureInfo.CurrentUICulture);
}
