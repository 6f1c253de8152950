using Microsoft.AspNetCore.Authentication.Cookies;
using System.Globalization;
using System.Text.Encodings.Web;

namespace SelfServiceBot.Web.SignIn;

/// <summary>
/// The staff sign-in cookie. Pages redirect to the sign-in page; scripts and the SignalR hub get 401/403 instead of a
/// redirect; a signed-in user without the role gets a plain 403 page (not a redirect that looks like success).
/// </summary>
internal static class StaffCookie
{
    public static void Configure(CookieAuthenticationOptions cookie, StaffSignInOptions options)
    {
        cookie.Cookie.Name = "ssb.staff";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = SignInExtensions.SignInPath;
        cookie.LogoutPath = SignInExtensions.SignOutPath;
        cookie.ExpireTimeSpan = options.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.Events.OnRedirectToLogin = context =>
        {
            if (WantsPage(context.Request))
            {
                context.Response.Redirect(context.RedirectUri);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return WantsPage(context.Request) ? WriteForbiddenPageAsync(context.Response) : Task.CompletedTask;
        };
    }

    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static Task WriteForbiddenPageAsync(HttpResponse response)
    {
        var culture = response.HttpContext.RequestUiCulture();
        var t = StaffTexts.For(culture);
        var lang = culture.Name;
        var html = $"""
            <!doctype html><html lang="{HtmlEncoder.Default.Encode(lang)}"><head><meta charset="utf-8"><title>{HtmlEncoder.Default.Encode(t.ForbiddenTitle)}</title>
            <link rel="stylesheet" href="/css/staff.css"></head><body><main class="narrow"><h1>{HtmlEncoder.Default.Encode(t.ForbiddenTitle)}</h1>
            <p>{HtmlEncoder.Default.Encode(t.ForbiddenText)}</p><p><a href="{SignInExtensions.HomePath}">{HtmlEncoder.Default.Encode(t.BackToStaffHome)}</a></p></main></body></html>
            """;
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(html);
    }
}
