using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>HTML in a bot's or an agent's message reaches the customer's Web Chat as text, never as elements.</summary>
public class ChatMarkupBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string Html = "<b class=\"injected\">raw</b><img class=\"injected\" src=\"x\" onerror=\"window.__xss=1\">";

    [Fact]
    public async Task Markdown_in_a_bot_message_is_rendered_but_HTML_inside_it_is_shown_as_text()
    {
        using var app = new AppServer(services: s => s.AddSingleton<IBot, MarkupBot>());
        var page = await chromium.NewPageAsync("en-US");
        await page.GotoAsync(app.BaseAddress.ToString());

        var bubble = page.Locator(BotBubble, new() { HasText = "Welcome" }).First;
        await Expect(bubble).ToBeVisibleAsync();
        await Expect(bubble.Locator("strong", new() { HasText = "Welcome" })).ToBeVisibleAsync();
        // As text (Markdown's typographer curls the quotes), not as a bold element and an image.
        await Expect(bubble).ToContainTextAsync("raw</b><img class=");
        Assert.Equal(0, await page.Locator(".injected").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }

    [Fact]
    public async Task An_agents_message_is_shown_to_the_customer_exactly_as_typed()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        var agents = app.Services.GetRequiredService<AgentDirectory>();
        await agents.EnsureAsync("anna", "Anna", default);
        await agents.SetPresenceAsync("anna", AgentPresence.Online, default);
        var page = await chromium.NewPageAsync("en-US");
        await page.GotoAsync(app.BaseAddress.ToString());
        await Expect(page.Locator(BotBubble).First).ToBeVisibleAsync();
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync("talk to a human");
        await input.PressAsync("Enter");
        await Expect(page.Locator(BotBubble, new() { HasText = "next in line" }).First).ToBeVisibleAsync();

        long handoffId;
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext())
        {
            handoffId = await db.HandoffRequests().Select(h => h.Id).SingleAsync();
        }
        var desk = app.Services.GetRequiredService<HandoffDesk>();
        Assert.True(await desk.ClaimAsync(handoffId, "anna", default));
        Assert.True(await desk.SendAgentMessageAsync(handoffId, "anna", "**not bold** " + Html, default));

        var bubble = page.Locator(BotBubble, new() { HasText = "not bold" }).First;
        await Expect(bubble).ToContainTextAsync("**not bold** <b class=\"injected\">raw</b>");
        Assert.Equal(0, await bubble.Locator("strong").CountAsync());
        Assert.Equal(0, await page.Locator(".injected").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }

    /// <summary>Welcomes with Markdown that also carries raw HTML.</summary>
    private sealed class MarkupBot : IBot
    {
        public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            if (turn.Activity is { Type: ActivityTypes.Event, Name: "webchat/join" })
            {
                await turn.SendActivityAsync(new Activity { Text = "**Welcome** " + Html, TextFormat = TextFormats.Markdown }, cancellationToken);
            }
        }

        public Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
