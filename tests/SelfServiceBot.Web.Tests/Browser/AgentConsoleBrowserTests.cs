using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>
/// A customer in Web Chat and a signed-in agent in the console, two browser contexts on one app: request a person, the
/// agent claims, they talk (HTML and script from the customer stay text), the agent resolves, the customer rates.
/// </summary>
public class AgentConsoleBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string Password = "Correct-horse-9";

    [Fact]
    public async Task Flow_a_customer_asks_for_a_person_the_agent_claims_they_talk_the_agent_resolves_and_the_customer_rates()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync("anna@example.com", [StaffRoles.Agent, StaffRoles.Supervisor], Password, mustChangePassword: false, "Anna");
            Assert.True(created.Succeeded, created.Error);
        }
        var agent = await SignedInAgentAsync(app, "en-US");
        var customer = await chromium.NewPageAsync("en-US");
        await customer.GotoAsync(app.BaseAddress.ToString());
        await Expect(customer.Locator(BotBubble).First).ToBeVisibleAsync();

        await SendAsync(customer, "talk to a human");
        await Expect(customer.Locator(BotBubble, new() { HasText = "next in line" }).First).ToBeVisibleAsync();
        var waiting = agent.Locator("#waiting li", new() { HasText = "talk to a human" });
        await Expect(waiting).ToBeVisibleAsync();
        await agent.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, "console-queue-en.png") });
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();

        await Expect(agent.Locator("#mine li")).ToContainTextAsync("talk to a human");
        await Expect(agent.Locator("#lines li.user").First).ToContainTextAsync("talk to a human");
        await Expect(customer.Locator(BotBubble, new() { HasText = "Anna has joined the chat" }).First).ToBeVisibleAsync();

        await customer.Locator("[data-id='webchat-sendbox-input']").PressSequentiallyAsync("My par");
        await Expect(agent.Locator("#typing")).ToBeVisibleAsync();
        await customer.Locator("[data-id='webchat-sendbox-input']").FillAsync("");

        const string image = "<img src=x onerror=\"window.__xss=1\">";
        const string script = "<script>window.__xss=2</script>";
        await SendAsync(customer, image);
        await SendAsync(customer, script);
        await Expect(agent.Locator("#lines li.customer", new() { HasText = script })).ToBeVisibleAsync();
        await Expect(agent.Locator("#lines li.customer", new() { HasText = image })).ToBeVisibleAsync();
        Assert.Equal(0, await agent.Locator("#lines img, #lines script").CountAsync());
        Assert.Null(await agent.EvaluateAsync<int?>("() => window.__xss ?? null"));

        await agent.Locator("#text").FillAsync("Hi, I'm Anna. How can I help?");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(customer.Locator(BotBubble, new() { HasText = "How can I help?" }).First).ToBeVisibleAsync();
        // A canned reply from the knowledge base goes into the message box, for the agent to edit and send.
        await agent.Locator("summary", new() { HasText = "Canned replies from the knowledge base" }).ClickAsync();
        await agent.Locator("#reply-query").FillAsync("track my order");
        await agent.Locator("#reply-search button").ClickAsync();
        await agent.Locator("#replies li").First.GetByRole(AriaRole.Button, new() { Name = "Use" }).ClickAsync();
        await Expect(agent.Locator("#text")).ToHaveValueAsync(new Regex("track", RegexOptions.IgnoreCase));
        await agent.Locator("#text").FillAsync("");
        // Why the bot handed over, in words.
        await Expect(agent.Locator("#chat-head .meta")).ToContainTextAsync("Reason: asked for a person");
        // The supervisor's queue table says when nobody waits, rather than showing its header alone.
        await Expect(agent.Locator("#queues td")).ToHaveTextAsync("Nothing here.");
        await agent.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, "console-chat-en.png") });

        await agent.Locator("#disposition").FillAsync("damaged parcel");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Resolve and hand back to the bot" }).ClickAsync();
        await Expect(customer.Locator(BotBubble, new() { HasText = "back with the assistant" }).First).ToBeVisibleAsync();
        await Expect(customer.Locator(BotBubble, new() { HasText = "How would you rate the help you got" }).First).ToBeVisibleAsync();
        await customer.Locator("button.webchat__suggested-action").Filter(new() { HasTextRegex = new Regex("^5$") }).ClickAsync();
        await Expect(customer.Locator(BotBubble, new() { HasText = "Thank you for your rating!" }).First).ToBeVisibleAsync();
        await customer.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, "console-customer-en.png") });
        await Expect(agent.Locator("#mine li")).ToHaveTextAsync("Nothing here.");
    }

    [Fact]
    public async Task The_agent_reads_the_bots_answer_and_its_question_as_the_customer_did_one_line_each()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        await SignInTests_CreateAsync(app, "anna@example.com", StaffRoles.Agent);
        var agent = await SignedInAgentAsync(app, "en-US");
        var customer = await chromium.NewPageAsync("en-US");
        await customer.GotoAsync(app.BaseAddress.ToString());
        await Expect(customer.Locator(BotBubble).First).ToBeVisibleAsync();

        await SendAsync(customer, "How do I track my order?");
        await customer.Locator("button.webchat__suggested-action").Filter(new() { HasTextRegex = new Regex("^No$") }).ClickAsync();
        await customer.Locator("button.webchat__suggested-action").Filter(new() { HasTextRegex = new Regex("^Talk to a person$") }).ClickAsync();
        await agent.Locator("#waiting li").GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();

        // The answer is one message with its question attached; the transcript has the clean answer, then the question.
        var bot = agent.Locator("#lines li.bot");
        await Expect(bot.Nth(1)).ToContainTextAsync("You can track your order");
        await Expect(bot.Nth(1)).Not.ToContainTextAsync("Did this answer");
        await Expect(bot.Nth(2)).ToHaveTextAsync(new Regex("Did this answer your question\\?$"));
        await Expect(agent.Locator("#lines li", new() { HasText = "Did this answer your question?" })).ToHaveCountAsync(1);
        await Expect(agent.Locator("#lines li.user").Nth(1)).ToContainTextAsync("No");
        await agent.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, "console-answer-en.png") });
    }

    [Fact]
    public async Task The_console_speaks_Chinese_to_a_Chinese_browser_and_an_agent_without_the_role_gets_403()
    {
        using var app = new AppServer();
        await SignInTests_CreateAsync(app, "anna@example.com", StaffRoles.Agent);
        await SignInTests_CreateAsync(app, "mia@example.com", StaffRoles.Manager);
        var agent = await SignedInAgentAsync(app, "zh-CN");
        await Expect(agent.Locator("#presence")).ToBeVisibleAsync();
        await Expect(agent.Locator("h2").First).ToHaveTextAsync("我的对话");
        await agent.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, "console-zh.png") });
        var anna = (await app.Services.GetRequiredService<Handoff.Agents.AgentRoster>().FindAsync("anna@example.com", default))!.UserId;
        var desk = app.Services.GetRequiredService<HandoffDesk>();
        var chat = await desk.RequestAsync(new NewHandoff("directline", "zh-1", "u1", null, "zh-CN", "low_confidence", "orders", "我的包裹到哪了？", null, [], "[]",
            JsonSerializer.Serialize(new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = "zh-1" } }, BotJson.Options)), default);
        await desk.ClaimAsync(chat.Id, anna, default);
        await desk.SendAgentMessageAsync(chat.Id, anna, "您的包裹明天上午送达。", default);
        await agent.Locator("#mine li", new() { HasText = "我的包裹到哪了？" }).ClickAsync();
        await Expect(agent.Locator("#chat-head .meta")).ToContainTextAsync("原因: 未找到答案");
        await agent.GetByRole(AriaRole.Button, new() { Name = "生成知识库草稿" }).ClickAsync();
        await Expect(agent.Locator("#draft-form h3")).ToHaveTextAsync("新的知识库草稿");
        await Expect(agent.Locator("#draft-title")).ToHaveValueAsync("我的包裹到哪了？");
        await Expect(agent.Locator("#draft-answer")).ToHaveValueAsync("您的包裹明天上午送达。");
        await Expect(agent.Locator("#draft-locale")).ToHaveValueAsync("zh-CN");
        await agent.GetByRole(AriaRole.Button, new() { Name = "保存草稿待审核" }).ClickAsync();
        await Expect(agent.Locator("#draft-saved")).ToHaveTextAsync("草稿 #1 已保存，等待审核。");
        await agent.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, "console-draft-zh.png"), FullPage = true });

        var manager = await chromium.NewPageAsync("en-US");
        await manager.GotoAsync(new Uri(app.BaseAddress, "/agent").ToString());
        await manager.GetByLabel("E-mail").FillAsync("mia@example.com");
        await manager.GetByLabel("Password").FillAsync(Password);
        var response = await manager.RunAndWaitForResponseAsync(() => manager.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            r => r.Url.EndsWith("/agent", StringComparison.Ordinal));
        Assert.Equal(403, response.Status);
        await Expect(manager.Locator("h1")).ToHaveTextAsync("No access");
    }

    private async Task<IPage> SignedInAgentAsync(AppServer app, string locale)
    {
        var page = await chromium.NewPageAsync(locale);
        await page.GotoAsync(new Uri(app.BaseAddress, "/agent").ToString());
        await page.Locator("input[name=email]").FillAsync("anna@example.com");
        await page.Locator("input[name=password]").FillAsync(Password);
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await page.Locator("#presence").SelectOptionAsync("online");
        return page;
    }

    private static Task SignInTests_CreateAsync(AppServer app, string email, string role) =>
        SignIn.StaffClient.CreateUserAsync(app, email, Password, role);

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
