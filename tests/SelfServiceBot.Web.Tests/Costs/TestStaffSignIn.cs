using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>
/// Stands in for staff sign-in (ASP.NET Core Identity, added on another branch) with the same policy names: a request is
/// signed in with the role in the X-Test-Role header or the test-role cookie, else anonymous (401 on challenge).
/// </summary>
public sealed class TestStaffSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestStaff";

    public static void AddTo(IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, TestStaffSignIn>(SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy("Reports", p => p.RequireAuthenticatedUser().RequireRole("Manager", "Supervisor", "Admin"))
            .AddPolicy("Admin", p => p.RequireAuthenticatedUser().RequireRole("Admin"));
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var role = Request.Headers["X-Test-Role"].FirstOrDefault() ?? Request.Cookies["test-role"];
        if (string.IsNullOrEmpty(role))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role.ToLowerInvariant() + "@example.test"), new Claim(ClaimTypes.Role, role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
