using System.Net;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

/// <summary>The console's SignalR hub is behind the Agents policy like its page.</summary>
public class AgentHubAccessTests
{
    private const string Password = "Correct-horse-9";

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(StaffRoles.Manager, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Agent, HttpStatusCode.OK)]
    [InlineData(StaffRoles.Supervisor, HttpStatusCode.OK)]
    public async Task Negotiating_with_the_agent_hub_needs_a_role_under_the_Agents_policy(string? role, HttpStatusCode expected)
    {
        using var app = new AppServer();
        using var client = new StaffClient(app);
        if (role is not null)
        {
            await StaffClient.CreateUserAsync(app, "someone@example.com", Password, role);
            await client.SignInAsync("someone@example.com", Password);
        }

        var response = await client.PostWithoutTokenAsync("/hubs/agent/negotiate?negotiateVersion=1", new Dictionary<string, string>());

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_console_page_is_listed_on_the_staff_home_for_agents_only()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        await StaffClient.CreateUserAsync(app, "mia@example.com", Password, StaffRoles.Manager);
        using var agent = new StaffClient(app);
        using var manager = new StaffClient(app);
        await agent.SignInAsync("anna@example.com", Password);
        await manager.SignInAsync("mia@example.com", Password);

        Assert.Contains("href=\"/agent\"", await (await agent.GetAsync("/staff")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("href=\"/agent\"", await (await manager.GetAsync("/staff")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/agent")).StatusCode);
    }
}
