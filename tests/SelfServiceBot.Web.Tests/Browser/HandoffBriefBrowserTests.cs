using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfServiceBot.AI.Tests.Chat;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Briefs;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>
/// The hand-off brief in the agent console, with the model on the local stub (real connector, real HTTP): it heads the chat
/// in the console's language, is asked for once and stored (a reload, a second instance on the same database ask nothing);
/// a failing model or no model at all shows the chat as before. The console's draft is prefilled by the model too.
/// </summary>
public sealed class HandoffBriefBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string BriefPrompt = "You brief a customer-support agent";
    private const string DraftPrompt = "You write knowledge-base articles";
    private ChatCompletionsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ChatCompletionsStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private Dictionary<string, string?> WithModel(string? database = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Handoff:AutoAssign"] = "false", ["AI:Chat:Provider"] = "OpenAICompatible", ["AI:Chat:Endpoint"] = _stub.Address + "/v1",
            ["AI:Chat:Model"] = "support-chat", ["AI:Chat:TimeoutSeconds"] = "60",
        };
        if (database is not null)
        {
            settings["ConnectionStrings:SelfServiceBot"] = $"Data Source={database}";
        }
        return settings;
    }

    private List<ChatRequest> Asked(string prompt) => _stub.Requests.Where(r => r.Messages[0].Content.StartsWith(prompt, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task The_agent_sees_the_brief_at_the_head_of_the_chat_once_asked_and_stored_and_the_draft_prefilled_by_the_model()
    {
        // The brief's reply waits until the test has seen the placeholder: no race with the page on a busy machine.
        using var placeholderSeen = new ManualResetEventSlim();
        _stub.Respond(r => r.Messages[0].Content switch
        {
            var s when s.StartsWith(BriefPrompt, StringComparison.Ordinal) && placeholderSeen.Wait(TimeSpan.FromSeconds(60)) => new StubReply(
                "PROBLEM: Parcel 4411-829 never arrived.\nOFFERED: Nothing yet.\nREFERENCES: 4411-829\nMOOD: Impatient", InputTokens: 220, OutputTokens: 30),
            var s when s.StartsWith(DraftPrompt, StringComparison.Ordinal) => new StubReply(
                """{"title": "What if my parcel never arrived?", "questions": ["My parcel did not arrive", "Lost parcel"], "answer": "We send a new parcel or refund you."}"""),
            _ => null,
        });
        using var app = new AppServer(WithModel());
        await StaffClientCreateAsync(app);
        var agent = await SignedInAgentAsync(app, "en-US");
        var customer = await chromium.NewPageAsync("en-US");
        await customer.GotoAsync(app.BaseAddress.ToString());
        await Expect(customer.Locator(BotBubble).First).ToBeVisibleAsync();

        await SendAsync(customer, "talk to a human");
        await Expect(customer.Locator(BotBubble, new() { HasText = "next in line" }).First).ToBeVisibleAsync();
        await agent.Locator("#waiting li").GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();

        await Expect(agent.Locator("#brief.pending")).ToHaveTextAsync("Summarising the conversation…");
        placeholderSeen.Set();
        await Expect(agent.Locator("#brief dd").First).ToHaveTextAsync("Parcel 4411-829 never arrived.");
        await Expect(agent.Locator("#brief dt")).ToHaveTextAsync(["Problem", "Bot offered", "References", "Mood"]);
        await Expect(agent.Locator("#brief dd").Nth(3)).ToHaveTextAsync("Impatient");
        await Expect(agent.Locator("#lines li.user").First).ToContainTextAsync("talk to a human");
        await agent.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("console-brief-en.png") });
        var briefRequest = Assert.Single(Asked(BriefPrompt));
        Assert.Contains("in English", briefRequest.Messages[0].Content, StringComparison.Ordinal);
        Assert.Equal("user", briefRequest.Messages[1].Role);
        Assert.Contains("Customer: talk to a human", briefRequest.Messages[1].Content, StringComparison.Ordinal);

        // Stored: a reload and a second instance on the same database read it.
        await agent.ReloadAsync();
        await agent.Locator("#mine li").First.ClickAsync();
        await Expect(agent.Locator("#brief dd").First).ToHaveTextAsync("Parcel 4411-829 never arrived.");
        using (var second = new AppServer(WithModel(Path.Combine(app.DataDirectory, "bot.db"))))
        {
            var handoff = await (await second.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync()).HandoffRequests().SingleAsync();
            var view = await second.Services.GetRequiredService<HandoffBriefs>().FindOrStartAsync(handoff, "en", default);
            Assert.Equal(("ready", "Parcel 4411-829 never arrived."), (view!.State, view.Brief!.Problem));
        }
        Assert.Single(Asked(BriefPrompt));

        await agent.Locator("#text").FillAsync("We will send you a new parcel today.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Draft a KB article" }).ClickAsync();
        await Expect(agent.Locator("#draft-title")).ToHaveValueAsync("What if my parcel never arrived?");
        await Expect(agent.Locator("#draft-answer")).ToHaveValueAsync("We send a new parcel or refund you.");
        await Expect(agent.Locator("#draft-questions")).ToHaveValueAsync("My parcel did not arrive\nLost parcel");

        var calls = await ModelCallsAsync(app);
        Assert.Equal([("handoff_summary", "completed", 220), ("article_draft", "completed", 12)], calls.Select(c => ((string)c["feature"]!, (string)c["outcome"]!, (int)c["inputTokens"]!)));
    }

    [Fact]
    public async Task A_chinese_agent_gets_the_brief_asked_for_in_chinese()
    {
        _stub.Respond(r => r.Messages[0].Content.StartsWith(BriefPrompt, StringComparison.Ordinal)
            ? new StubReply("PROBLEM：包裹一直没有送到。\nOFFERED：机器人没有找到答案。\nREFERENCES：无\nMOOD：着急")
            : null);
        using var app = new AppServer(WithModel());
        await StaffClientCreateAsync(app);
        var agent = await SignedInAgentAsync(app, "zh-CN");
        await RequestAndClaimAsync(app, "我的包裹到哪了？", "zh-CN");

        await agent.Locator("#mine li", new() { HasText = "我的包裹到哪了？" }).ClickAsync();

        await Expect(agent.Locator("#brief h3")).ToHaveTextAsync("摘要");
        await Expect(agent.Locator("#brief dt")).ToHaveTextAsync(["问题", "机器人提供了", "单号", "情绪"]);
        await Expect(agent.Locator("#brief dd").First).ToHaveTextAsync("包裹一直没有送到。");
        await agent.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("console-brief-zh.png") });
        var request = Assert.Single(Asked(BriefPrompt));
        Assert.Contains("in Simplified Chinese (简体中文)", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("Customer: 我的包裹到哪了？", request.Messages[1].Content, StringComparison.Ordinal);
        var call = Assert.Single(await ModelCallsAsync(app));
        Assert.Equal(("handoff_summary", "completed"), ((string)call["feature"]!, (string)call["outcome"]!));
    }

    [Fact]
    public async Task A_failing_model_shows_the_chat_as_before_with_todays_draft_and_records_the_failed_calls()
    {
        _stub.Reply(new StubReply("", Status: 500));
        using var app = new AppServer(WithModel());
        await StaffClientCreateAsync(app);
        var agent = await SignedInAgentAsync(app, "en-US");
        await RequestAndClaimAsync(app, "Where is my parcel?", "en");

        await agent.Locator("#mine li", new() { HasText = "Where is my parcel?" }).ClickAsync();

        await Expect(agent.Locator("#lines li.user")).ToContainTextAsync("Where is my parcel?");
        await Expect(agent.Locator("#brief")).ToBeHiddenAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Draft a KB article" }).ClickAsync();
        await Expect(agent.Locator("#draft-title")).ToHaveValueAsync("Where is my parcel?");
        await Expect(agent.Locator("#draft-answer")).ToHaveValueAsync("Your parcel arrives tomorrow.");
        var calls = await ModelCallsAsync(app);
        Assert.Equal([("handoff_summary", "failed"), ("article_draft", "failed")], calls.Select(c => ((string)c["feature"]!, (string)c["outcome"]!)));
    }

    [Fact]
    public async Task Without_a_model_the_console_shows_no_brief_and_stores_none()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        await StaffClientCreateAsync(app);
        var agent = await SignedInAgentAsync(app, "en-US");
        await RequestAndClaimAsync(app, "Where is my parcel?", "en");

        await agent.Locator("#mine li", new() { HasText = "Where is my parcel?" }).ClickAsync();

        await Expect(agent.Locator("#lines li.user")).ToContainTextAsync("Where is my parcel?");
        await Expect(agent.Locator("#brief")).ToBeHiddenAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        Assert.False(await db.HandoffBriefs().AnyAsync());
        Assert.Empty(_stub.Requests);
    }

    /// <summary>A hand-off as the bot makes it (its transcript holds the customer's question), claimed by Anna, who answered once.</summary>
    private static async Task<long> RequestAndClaimAsync(AppServer app, string question, string locale)
    {
        var roster = app.Services.GetRequiredService<Handoff.Agents.AgentRoster>();
        // The console pushes the claimed chat only to an agent the hub already has online: wait until it has, as an agent's
        // own claim would (the page's presence change reaches the hub asynchronously).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await roster.FindAsync("anna@example.com", default))!.Presence != AgentPresence.Online && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var anna = (await roster.FindAsync("anna@example.com", default))!.UserId;
        var desk = app.Services.GetRequiredService<HandoffDesk>();
        var transcript = JsonSerializer.Serialize(new[] { new { from = "user", text = question, at = DateTimeOffset.UtcNow } });
        var chat = await desk.RequestAsync(new NewHandoff("directline", "brief-1", "u1", null, locale, "low_confidence", "orders", question, null, [], transcript,
            JsonSerializer.Serialize(new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = "brief-1" } }, BotJson.Options)), default);
        await desk.ClaimAsync(chat.Id, anna, default);
        await desk.SendAgentMessageAsync(chat.Id, anna, "Your parcel arrives tomorrow.", default);
        return chat.Id;
    }

    private static async Task<List<JsonNode>> ModelCallsAsync(AppServer app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var data = await db.ConversationEvents.Where(e => e.Type == "model_called").OrderBy(e => e.Id).Select(e => e.DataJson!).ToListAsync();
        return data.Select(d => JsonNode.Parse(d)!).ToList();
    }

    private static Task StaffClientCreateAsync(AppServer app) =>
        SignIn.StaffClient.CreateUserAsync(app, "anna@example.com", StaffBrowser.Password, StaffRoles.Agent);

    private async Task<IPage> SignedInAgentAsync(AppServer app, string locale)
    {
        var page = await chromium.NewPageAsync(locale);
        await page.GotoAsync(new Uri(app.BaseAddress, "/agent").ToString());
        await page.Locator("input[name=email]").FillAsync("anna@example.com");
        await page.Locator("input[name=password]").FillAsync(StaffBrowser.Password);
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await page.Locator("#presence").SelectOptionAsync("online");
        return page;
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
