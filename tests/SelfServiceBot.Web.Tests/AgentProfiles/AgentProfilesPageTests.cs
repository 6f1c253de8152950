using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.AgentProfiles;

/// <summary>The profiles page over plain HTTP: anti-forgery and roles guard the form post, not only the page.</summary>
public class AgentProfilesPageTests
{
    private const string Password = "Correct-horse-9";

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_or_from_an_agent_changes_nothing()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "lee@example.com", Password, StaffRoles.Supervisor);
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        var annaId = (await app.Services.GetRequiredService<AgentRoster>().FindAsync("anna@example.com", default))!.UserId;
        var fields = new Dictionary<string, string> { ["Input.UserId"] = annaId, ["Input.Skills"] = "orders", ["Input.Languages"] = "en", ["Input.Capacity"] = "9" };
        using var supervisor = new StaffClient(app);
        await supervisor.SignInAsync("lee@example.com", Password);
        using var agent = new StaffClient(app);
        await agent.SignInAsync("anna@example.com", Password);

        var withoutToken = await supervisor.PostWithoutTokenAsync("/agent/agents", fields);
        var fromAgent = await agent.PostWithoutTokenAsync("/agent/agents", fields);
        var agentPage = await agent.GetAsync("/agent/agents");
        var good = await supervisor.PostFormAsync("/agent/agents", fields);
        var saved = Assert.Single(await app.Services.GetRequiredService<AgentDirectory>().ListAsync(default)).Agent;

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromAgent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(("orders", "en", 9), (saved.Skills, saved.Languages, saved.Capacity));
    }
}
