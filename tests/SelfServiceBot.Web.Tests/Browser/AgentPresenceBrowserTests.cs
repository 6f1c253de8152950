using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>One agent with two console tabs: presence is theirs over both; closing one changes nothing, closing both sets them offline after the grace period.</summary>
public class AgentPresenceBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Closing_one_of_two_tabs_keeps_the_agent_online_with_their_chats_and_closing_both_sets_them_offline_after_the_grace_period()
    {
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["Handoff:AutoAssign"] = "false",
            ["Handoff:Presence:GraceSeconds"] = "3",
            ["Handoff:Presence:HeartbeatSeconds"] = "1",
            ["Handoff:Presence:ExpirySeconds"] = "5",
        });
        await StaffClient.CreateUserAsync(app, "anna@example.com", StaffBrowser.Password, StaffRoles.Agent);
        var first = await StaffBrowser.SignedInAsync(chromium, app, "anna@example.com", "/agent");
        await Expect(first.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await first.Locator("#presence").SelectOptionAsync("online");
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(new Uri(app.BaseAddress, "/agent").ToString());
        await Expect(second.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await Expect(second.Locator("#presence")).ToHaveValueAsync("online");

        var desk = app.Services.GetRequiredService<HandoffDesk>();
        await desk.RequestAsync(new NewHandoff("directline", "conv-1", "u1", null, "en", "explicit_request", "orders", "Where is my parcel?", null, [], "[]",
            JsonSerializer.Serialize(new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = "conv-1" } }, BotJson.Options)), default);
        await second.Locator("#waiting li", new() { HasText = "Where is my parcel?" }).GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(first.Locator("#mine li")).ToContainTextAsync("Where is my parcel?");
        await second.Locator("#presence").SelectOptionAsync("away");
        await Expect(first.Locator("#presence")).ToHaveValueAsync("away");
        await first.Locator("#presence").SelectOptionAsync("online");
        await Expect(second.Locator("#presence")).ToHaveValueAsync("online");
        await second.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("console-second-tab-en.png") });

        var anna = (await app.Services.GetRequiredService<AgentRoster>().FindAsync("anna@example.com", default))!.UserId;
        var consoles = app.Services.GetRequiredService<AgentConnections>();
        var presence = app.Services.GetRequiredService<HandoffOptions>().Presence;
        await first.CloseAsync();
        await WaitUntilAsync(async () => await consoles.OpenConsolesAsync(anna, default) == 1);
        // Long enough for the grace period and two sweeps after it: had the closed tab counted, the agent would be offline.
        await Task.Delay(presence.Grace + 2 * presence.Heartbeat + TimeSpan.FromSeconds(1));
        var afterOneTab = await AgentAsync(app, anna);
        var chat = Assert.Single(await desk.OpenAsync(default));
        await Expect(second.Locator("#mine li")).ToContainTextAsync("Where is my parcel?");

        await second.CloseAsync();
        await WaitUntilAsync(async () => (await AgentAsync(app, anna)).Presence == AgentPresence.Offline);
        var afterBoth = await AgentAsync(app, anna);

        Assert.Equal(AgentPresence.Online, afterOneTab.Presence);
        Assert.Equal((HandoffStatus.Assigned, anna), (chat.Status, chat.AgentId));
        Assert.Equal(0, await consoles.OpenConsolesAsync(anna, default));
        Assert.True(afterBoth.PresenceChangedAt - afterBoth.LastSeenAt >= presence.Grace,
            $"offline at {afterBoth.PresenceChangedAt:O}, last console closed at {afterBoth.LastSeenAt:O}");
        Assert.Equal(anna, Assert.Single(await desk.OpenAsync(default)).AgentId);
    }

    private static async Task<AgentRecord> AgentAsync(AppServer app, string id) =>
        (await app.Services.GetRequiredService<AgentDirectory>().ListAsync(default)).Single(a => a.Agent.UserId == id).Agent;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
