using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SelfServiceBot.Web.AgentConsole;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Costs;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.RateLimits;

/// <summary>The staff APIs and the agent hub count each signed-in user's calls separately.</summary>
public sealed class StaffApiRateLimitTests
{
    private const string Report = "/api/costs/report?from=2026-01-01&to=2026-01-31";

    [Fact]
    public async Task A_user_over_the_staff_api_limit_gets_429_with_retry_after_while_another_user_is_answered()
    {
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["StaffApi:Limits:RequestsPerUser"] = "3",
            ["StaffApi:Limits:Window"] = "00:30:00",
        });
        using var manager = await StaffSessions.ApiClientAsync(app, "Manager");
        using var supervisor = await StaffSessions.ApiClientAsync(app, "Supervisor");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await manager.GetAsync(Report);
            statuses.Add(ok.StatusCode);
        }
        using var over = await manager.GetAsync(Report);
        using var drafts = await manager.GetAsync("/api/kb/drafts/antiforgery");
        using var other = await supervisor.GetAsync(Report);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.InRange(over.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 30 * 60);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Too many requests", (string?)JsonNode.Parse(await over.Content.ReadAsStringAsync())?["title"]);
        // One allowance over all staff APIs.
        Assert.Equal(HttpStatusCode.TooManyRequests, drafts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task An_agent_over_the_hub_limit_gets_an_error_for_that_call_while_another_agent_is_answered()
    {
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["StaffApi:Limits:HubInvocationsPerUser"] = "3",
            ["StaffApi:Limits:Window"] = "00:30:00",
        });
        await using var anna = await ConnectAsync(app, "anna@example.com");
        await using var ben = await ConnectAsync(app, "ben@example.com");

        for (var i = 0; i < 3; i++)
        {
            await anna.InvokeAsync<List<AgentHub.Reply>>("SearchReplies", "track my order", "en");
        }
        var over = await Assert.ThrowsAsync<HubException>(() => anna.InvokeAsync<List<AgentHub.Reply>>("SearchReplies", "track my order", "en"));
        var others = await ben.InvokeAsync<List<AgentHub.Reply>>("SearchReplies", "track my order", "en");

        Assert.Contains("Too many requests", over.Message);
        Assert.NotEmpty(others);
        Assert.Equal(HubConnectionState.Connected, anna.State);
    }

    private static async Task<HubConnection> ConnectAsync(AppServer app, string email)
    {
        const string password = "Correct-horse-9";
        await StaffClient.CreateUserAsync(app, email, password, StaffRoles.Agent);
        var client = new StaffClient(app);
        await client.SignInAsync(email, password);
        var cookies = client.Cookies;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, AgentConsoleExtensions.HubPath), o => o.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
