using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

/// <summary>Until a one-time password is replaced, nothing behind a sign-in answers: pages, APIs and the hub alike.</summary>
public class MustChangePasswordTests
{
    [Theory]
    [InlineData("/reports/costs")]
    [InlineData("/api/costs/report?from=2026-01-01&to=2026-01-31")]
    [InlineData("/api/costs/contacts.csv?from=2026-01-01&to=2026-01-31")]
    [InlineData("/api/kb/drafts/antiforgery")]
    [InlineData("/admin/users")]
    public async Task A_page_or_API_read_with_a_one_time_password_leads_to_the_change_password_page(string path)
    {
        using var app = new AppServer();
        using var client = await SignedInWithOneTimePasswordAsync(app);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/change-password?returnUrl=", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/api/kb/drafts/from-gap")]
    [InlineData("/api/costs/model/")]
    [InlineData("/hubs/agent/negotiate?negotiateVersion=1")]
    public async Task A_write_with_a_one_time_password_is_refused(string path)
    {
        using var app = new AppServer();
        using var client = await SignedInWithOneTimePasswordAsync(app);

        var response = await client.PostJsonAsync(path, "{}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<StaffClient> SignedInWithOneTimePasswordAsync(AppServer app)
    {
        string password;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateWithOneTimePasswordAsync("boss@example.com", [StaffRoles.Admin, StaffRoles.Supervisor]);
            password = created.Password!;
        }
        var client = new StaffClient(app);
        await client.SignInAsync("boss@example.com", password);
        return client;
    }
}
