using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Security;

/// <summary>
/// Response headers that make the browser the last line of defence: a Content-Security-Policy (scripts only from this
/// site, so an injected tag cannot run; staff pages never framed, the chat only by the configured origins), nosniff,
/// a same-origin Referrer-Policy, HSTS over HTTPS. Also the cookies: Secure whenever the request came over HTTPS,
/// including behind a TLS proxy whose X-Forwarded-Proto is trusted (ASPNETCORE_FORWARDEDHEADERS_ENABLED).
/// </summary>
public static class SecurityHeaders
{
    // Web Chat and the staff pages set styles from script (Web Chat through <style> elements), hence 'unsafe-inline'
    // for styles only; no inline or evaluated script anywhere.
    private const string Common =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'";

    // Web Chat shows images and cards from answers and attachments, and uploads go through blob: URLs.
    private const string Public = Common + "; img-src 'self' data: blob: https:; media-src 'self' data: blob: https:; connect-src 'self'";

    private const string Staff = Common + "; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityHeadersOptions>().BindConfiguration(SecurityHeadersOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecurityHeadersOptions>, Validator>();
        // The anti-forgery cookie is not Secure by default, even over HTTPS.
        builder.Services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>Before any middleware that can answer (static files, sign-in redirects, 4xx), so those carry the headers too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityHeadersOptions>>().Value;
        var publicPolicy = Public + "; frame-ancestors " + string.Join(' ', ["'self'", .. options.ChatFrameAncestors]);
        var hsts = $"max-age={(long)options.HstsMaxAge.TotalSeconds}";
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = StaffCultures.IsStaffPath(context.Request.Path) || IsStaffApi(context.Request.Path) ? Staff : publicPolicy;
            if (context.Request.IsHttps && options.HstsMaxAge > TimeSpan.Zero)
            {
                headers.StrictTransportSecurity = hsts;
            }
            return next(context);
        });
        return app;
    }

    private sealed class Validator : IValidateOptions<SecurityHeadersOptions>
    {
        public ValidateOptionsResult Validate(string? name, SecurityHeadersOptions options) =>
            options.Check() is { } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private static bool IsStaffApi(PathString path) =>
        path.StartsWithSegments("/api/costs") || path.StartsWithSegments("/api/kb") || path.StartsWithSegments("/metrics");
}
