using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data.DataProtection;
using SelfServiceBot.Web.SignIn.KeyProtection;

namespace SelfServiceBot.Web.SignIn;

/// <summary>
/// Staff sign-in: ASP.NET Core Identity on our database, a cookie, role-based policies (<see cref="StaffPolicies"/>),
/// the sign-in pages in en / zh-CN, lockout, anti-forgery, and the first administrator.
/// </summary>
public static class SignInExtensions
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    public const string ChangePasswordPath = "/account/change-password";
    public const string HomePath = "/staff";

    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Razor encodes <, >, & and quotes; Chinese text may stay readable in the page source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddStaffIdentityCore().AddSignInManager().AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<StaffSignInOptions>>((cookie, options) => StaffCookie.Configure(cookie, options.Value));
        // A password reset (users reset-password) signs the user out everywhere within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().AddStaffPolicies();

        // Cookies and anti-forgery tokens are encrypted with keys that every instance must share.
        services.AddDataProtection().SetApplicationName("SelfServiceBot").ProtectKeysFromConfiguration(builder.Configuration);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new EfXmlRepository(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.BotDbContext>>())));

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff");
            o.Conventions.AuthorizeFolder("/Admin", StaffPolicies.Admin);
            o.Conventions.AllowAnonymousToFolder("/Account");
        });
        services.AddSingleton<StaffNavigation>();
        services.AddHostedService<AdminBootstrap>();
        return builder;
    }

    public static WebApplication MapSignIn(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapStaffCultureSwitch();
        app.Services.GetRequiredService<StaffNavigation>().Add("/admin/users", StaffPolicies.Admin, StaffTexts.English.UsersTitle, StaffTexts.Chinese.UsersTitle);
        return app;
    }

    /// <summary>
    /// Until a one-time password is replaced, nothing that needs a sign-in answers: a page leads to the change-password
    /// page, anything else (APIs, scripts, the hub) gets 403. "Needs a sign-in" is read from the endpoint (any policy, any
    /// module, e.g. /api/costs), besides the staff paths; only /account (sign-in, change password, sign-out) stays open.
    /// After routing (it reads the endpoint) and authentication (it reads the user).
    /// </summary>
    internal static void UseMustChangePassword(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(StaffIdentity.MustChangePasswordClaim, "true") && !path.StartsWithSegments("/account")
                && (StaffCultures.IsStaffPath(path) || NeedsSignIn(context.GetEndpoint())))
            {
                if (HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Redirect($"{ChangePasswordPath}?returnUrl={Uri.EscapeDataString(path + context.Request.QueryString)}");
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }
                return;
            }
            await next(context);
        });
    }

    private static bool NeedsSignIn(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null
        && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null;
}
