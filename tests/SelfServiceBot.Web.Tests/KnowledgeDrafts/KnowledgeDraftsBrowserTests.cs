using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Browser;
using SelfServiceBot.Web.Tests.DirectLine;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.KnowledgeDrafts;

/// <summary>
/// Drafts end to end in headless chromium: a supervisor publishes a draft and the bot answers with it; the review pages in
/// Chinese, rejecting with a note; agents get 403.
/// </summary>
public class KnowledgeDraftsBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Question = "Can I bring my dog into the store?";
    private const string Answer = "Yes: dogs on a lead are welcome in all our stores, and assistance dogs are always welcome.";

    [Fact]
    public async Task A_supervisor_publishes_a_draft_and_the_bot_then_answers_the_question_with_the_new_article()
    {
        using var kb = new TempKnowledgeBase();
        using var app = new AppServer(kb.Settings);
        await StaffClient.CreateUserAsync(app, "lee@example.com", StaffBrowser.Password, StaffRoles.Supervisor);
        var before = await AskAsync(app, Question);
        var draft = await app.Services.GetRequiredService<KnowledgeDraftStore>().CreateAsync(
            new DraftContent(Question, ["Are pets allowed in your shops?"], "Dogs are welcome.", "en", "store"),
            new DraftSource(KnowledgeDraftSources.Conversation, "H-ABC23", "conv-1", 1), "anna@example.com", default);
        var engines = app.Services.GetRequiredService<KnowledgeEngineProvider>();
        var stamp = engines.Stamp;

        var page = await StaffBrowser.SignedInAsync(chromium, app, "lee@example.com", "/agent/drafts");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Knowledge base drafts");
        await Expect(page.Locator("#drafts tr[data-draft]")).ToContainTextAsync(["Can I bring my dog into the store? en store Chat H-ABC23 anna@example.com"]);
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("drafts-en.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = Question }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync($"Draft #{draft.Id}");
        await page.GetByLabel("Answer (Markdown, shown to the customer)").FillAsync(Answer);
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("draft-review-en.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish to the knowledge base" }).ClickAsync();

        await Expect(page.Locator("#published")).ToHaveTextAsync(
            "Published by lee@example.com as can-i-bring-my-dog-into-the-store; every instance answers with it within seconds " +
            "(exported as a file: en/store/can-i-bring-my-dog-into-the-store.md).");
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("draft-published-en.png"), FullPage = true });
        // In the database, not the knowledge base folder (in a container that is the image's, read-only).
        Assert.False(File.Exists(Path.Combine(kb.Folder, "en", "store", "can-i-bring-my-dog-into-the-store.md")));
        await WaitForReloadAsync(engines, stamp);
        var after = await AskAsync(app, Question);
        var rephrased = await AskAsync(app, "Are pets allowed in your shops?");

        Assert.DoesNotContain("dogs on a lead", before);
        Assert.StartsWith(Answer, after);
        Assert.StartsWith(Answer, rephrased);
    }

    [Fact]
    public async Task The_review_pages_speak_Chinese_a_reviewer_rejects_with_a_note_and_an_agent_gets_403()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "lee@example.com", StaffBrowser.Password, StaffRoles.Supervisor);
        await StaffClient.CreateUserAsync(app, "anna@example.com", StaffBrowser.Password, StaffRoles.Agent);
        var draft = await app.Services.GetRequiredService<KnowledgeDraftStore>().CreateAsync(
            new DraftContent("可以带<b>狗</b>进店吗？", [], "", "zh-CN", "store"),
            new DraftSource(KnowledgeDraftSources.KnowledgeGap, "可以带<b>狗</b>进店吗？"), "mia@example.com", default);

        var page = await StaffBrowser.SignedInAsync(chromium, app, "lee@example.com", "/agent/drafts", "zh-CN");
        await Expect(page.Locator("h1")).ToHaveTextAsync("知识库草稿");
        await Expect(page.Locator("nav.tabs a.current")).ToHaveTextAsync("待审核 (1)");
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("drafts-zh.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "可以带<b>狗</b>进店吗？" }).ClickAsync();
        Assert.Equal(0, await page.Locator("main b").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "发布到知识库" }).ClickAsync();
        await Expect(page.Locator("#problems li")).ToHaveTextAsync("发布前请填写答案。");
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("draft-review-zh.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "拒绝" }).ClickAsync();
        await Expect(page.Locator("#problems")).ToHaveTextAsync("请写明拒绝原因，供撰写人参考。");
        await page.GetByLabel("拒绝原因（给撰写人）").FillAsync("我们的门店不允许宠物进入。");
        await page.GetByRole(AriaRole.Button, new() { Name = "拒绝" }).ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("已拒绝");
        await Expect(page.Locator("#rejected")).ToHaveTextAsync("lee@example.com 已拒绝：我们的门店不允许宠物进入。");
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("draft-rejected-zh.png"), FullPage = true });
        Assert.Equal(KnowledgeDraftStatus.Rejected, (await app.Services.GetRequiredService<KnowledgeDraftStore>().FindAsync(draft.Id, default))!.Status);

        var agent = await chromium.NewPageAsync("en-US");
        await agent.GotoAsync(new Uri(app.BaseAddress, "/agent/drafts").ToString());
        await agent.Locator("input[name=email]").FillAsync("anna@example.com");
        await agent.Locator("input[name=password]").FillAsync(StaffBrowser.Password);
        var response = await agent.RunAndWaitForResponseAsync(() => agent.Locator("form.stacked button[type=submit]").ClickAsync(),
            r => r.Url.EndsWith("/agent/drafts", StringComparison.Ordinal));
        Assert.Equal(403, response.Status);
    }

    /// <summary>The bot's first message in reply to <paramref name="question"/>, in a new Direct Line conversation.</summary>
    internal static async Task<string> AskAsync(AppServer app, string question)
    {
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync("en-US");
        var id = await client.PostMessageAsync(conversationId, token, question);
        var seen = await client.PollUntilAsync(conversationId, token,
            all => all.Any(a => DirectLineTestClient.IsBotReplyTo(a, id) && (string?)a["type"] == "message"));
        return (string)seen.First(a => DirectLineTestClient.IsBotReplyTo(a, id) && (string?)a["type"] == "message")["text"]!;
    }

    internal static async Task WaitForReloadAsync(KnowledgeEngineProvider engines, string? stamp)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (engines.Stamp == stamp)
        {
            await Task.Delay(200, timeout.Token);
        }
    }
}
