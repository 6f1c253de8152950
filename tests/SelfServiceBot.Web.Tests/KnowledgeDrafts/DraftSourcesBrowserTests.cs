using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Browser;
using SelfServiceBot.Web.Tests.Costs;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.KnowledgeDrafts;

/// <summary>Where drafts come from, in headless chromium: the console's "Draft a KB article" on a resolved chat, the cost dashboard's knowledge gaps.</summary>
public class DraftSourcesBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    [Fact]
    public async Task An_agent_turns_a_resolved_chat_into_a_draft_edits_it_and_saves_it_for_review()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync("anna@example.com", [StaffRoles.Agent], StaffBrowser.Password, mustChangePassword: false, "Anna");
            Assert.True(created.Succeeded, created.Error);
        }
        var agent = await StaffBrowser.SignedInAsync(chromium, app, "anna@example.com", "/agent");
        await Expect(agent.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await agent.Locator("#presence").SelectOptionAsync("online");
        var customer = await chromium.NewPageAsync("en-US");
        await customer.GotoAsync(app.BaseAddress.ToString());
        await Expect(customer.Locator(BotBubble).First).ToBeVisibleAsync();

        await SendAsync(customer, "talk to a human");
        var waiting = agent.Locator("#waiting li", new() { HasText = "talk to a human" });
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(customer.Locator(BotBubble, new() { HasText = "Anna has joined the chat" }).First).ToBeVisibleAsync();
        await SendAsync(customer, "Can I bring my dog into the store?");
        await Expect(agent.Locator("#lines li.customer", new() { HasText = "my dog" })).ToBeVisibleAsync();
        await agent.Locator("#text").FillAsync("Yes, dogs on a lead are welcome in all our stores.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(customer.Locator(BotBubble, new() { HasText = "dogs on a lead" }).First).ToBeVisibleAsync();
        await agent.Locator("#disposition").FillAsync("store policy");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Resolve and hand back to the bot" }).ClickAsync();
        await Expect(customer.Locator(BotBubble, new() { HasText = "back with the assistant" }).First).ToBeVisibleAsync();

        await agent.GetByRole(AriaRole.Button, new() { Name = "Draft a KB article" }).ClickAsync();
        var form = agent.Locator("#draft-form");
        await Expect(form.GetByLabel("Title (the question as the customer asked it)")).ToHaveValueAsync("Can I bring my dog into the store?");
        await Expect(form.GetByLabel("Answer (Markdown)")).ToHaveValueAsync("Yes, dogs on a lead are welcome in all our stores.");
        await Expect(form.GetByLabel("Category")).ToHaveValueAsync("general");
        await form.GetByLabel("Category").FillAsync("Store!");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save draft for review" }).ClickAsync();
        await Expect(form.Locator("#draft-errors li")).ToHaveTextAsync("'Store!' is not a category name: use lower-case letters, digits and dashes, e.g. orders.");
        await form.GetByLabel("Category").FillAsync("store");
        await form.GetByLabel("Other ways customers ask it (one per line)").FillAsync("Are pets allowed in your shops?");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save draft for review" }).ClickAsync();

        await Expect(form.Locator("#draft-saved")).ToHaveTextAsync("Draft #1 saved for review.");
        await Expect(form.Locator("#draft-errors")).ToBeHiddenAsync();
        await agent.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("console-draft-en.png"), FullPage = true });
        var draft = (await app.Services.GetRequiredService<KnowledgeDraftStore>().FindAsync(1, default))!;
        Assert.Equal(("Can I bring my dog into the store?", "Yes, dogs on a lead are welcome in all our stores.", "store", "en", KnowledgeDraftSources.Conversation, "anna@example.com"),
            (draft.Title, draft.Answer, draft.Category, draft.Locale, draft.Source, draft.CreatedBy));
        Assert.Equal(["Are pets allowed in your shops?"], KnowledgeDraftStore.QuestionsOf(draft));
        Assert.StartsWith("H-", draft.SourceReference);
    }

    [Fact]
    public async Task The_cost_dashboards_draft_button_stores_a_draft_from_the_gap_and_links_to_its_review()
    {
        using var app = await CostsApiTests.StartWithDemoDataAsync();
        var (from, to) = CostsApiTests.LastMonth();
        await StaffClient.CreateUserAsync(app, "lee@example.com", StaffBrowser.Password, StaffRoles.Supervisor);
        var page = await StaffBrowser.SignedInAsync(chromium, app, "lee@example.com", $"/reports/costs?from={from}&to={to}&lang=en");
        await page.SetViewportSizeAsync(1400, 900);
        var firstGap = page.Locator("#table-gaps tbody tr").First;
        var question = await firstGap.Locator("td").First.TextContentAsync();

        await firstGap.GetByRole(AriaRole.Button, new() { Name = "Draft article" }).ClickAsync();
        await Expect(firstGap.Locator("a.draft-saved")).ToHaveTextAsync("Draft #1 saved: review it");
        await firstGap.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("costs-gap-draft-en.png") });
        await page.ReloadAsync();
        await page.Locator("#table-gaps tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Draft article" }).ClickAsync();
        await Expect(page.Locator("#table-gaps tbody tr").First.Locator("a.draft-saved")).ToHaveTextAsync("Draft #1 saved: review it");
        await page.Locator("#table-gaps tbody tr").First.Locator("a.draft-saved").ClickAsync();

        await Expect(page.Locator("h1")).ToContainTextAsync("Draft #1");
        await Expect(page.GetByLabel("Title (the question as customers ask it)")).ToHaveValueAsync(question!);
        await Expect(page.Locator("p.hint").First).ToContainTextAsync("From Knowledge gap, written by lee@example.com");
        Assert.Single(await app.Services.GetRequiredService<KnowledgeDraftStore>().ListAsync(KnowledgeDraftStatus.Draft, default));

        var manager = await chromium.NewPageAsync("zh-CN");
        await manager.Context.AddCookiesAsync((await StaffSessions.SignInAsync(app, "Manager")).GetCookies(app.BaseAddress)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = app.BaseAddress.ToString() }));
        await manager.GotoAsync($"{app.BaseAddress}reports/costs?from={from}&to={to}&lang=zh-CN");
        var secondGap = manager.Locator("#table-gaps tbody tr").Nth(1);
        await secondGap.GetByRole(AriaRole.Button, new() { Name = "起草文章" }).ClickAsync();
        await Expect(secondGap.Locator(".draft-saved")).ToHaveTextAsync("草稿 #2 已保存，等待主管审核");
        Assert.Equal(0, await secondGap.Locator("a").CountAsync());
        await secondGap.ScrollIntoViewIfNeededAsync();
        await manager.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("costs-gap-draft-zh.png") });
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
