using System.Net;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>Signed-in staff for the cost tests: a real account with the role, signed in through the real sign-in page.</summary>
internal static class StaffSessions
{
    private const string Password = "Correct-horse-9";
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppServer, HashSet<string>> Created = new();

    private static HashSet<string> Accounts(AppServer app) => Created.GetOrCreateValue(app);

    public static string EmailFor(string role) => role.ToLowerInvariant() + "@example.com";

    /// <summary>The session cookie of a new user with <paramref name="role"/>.</summary>
    public static async Task<CookieContainer> SignInAsync(AppServer app, string role)
    {
        // One account per role and app; a second session for the role signs the same account in again.
        if (!Accounts(app).Contains(role))
        {
            await StaffClient.CreateUserAsync(app, EmailFor(role), Password, role);
            Accounts(app).Add(role);
        }
        var client = new StaffClient(app);
        var response = await client.SignInAsync(EmailFor(role), Password);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"sign-in as {role}: {response.StatusCode}");
        return client.Cookies;
    }

    /// <summary>An API client (JSON, no redirects) with <paramref name="role"/>'s cookie, or anonymous when null.</summary>
    public static async Task<HttpClient> ApiClientAsync(AppServer app, string? role)
    {
        var cookies = role is null ? new CookieContainer() : await SignInAsync(app, role);
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
    }
}
