using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.KnowledgeDrafts;

/// <summary>Publishing (into the database) and rejecting through the review page's form posts, against a copy of the knowledge base.</summary>
public class PublishingTests
{
    private const string Password = "Correct-horse-9";

    [Fact]
    public async Task Publishing_stores_the_article_in_the_database_under_an_id_no_file_has_and_the_bot_answers_with_it()
    {
        using var kb = new TempKnowledgeBase();
        using var app = new AppServer(kb.Settings);
        var existing = Path.Combine(kb.Folder, "en", "store", "can-i-bring-my-dog.md");
        await File.WriteAllTextAsync(existing, "---\nid: somebody-elses\ntitle: \"Not ours\"\n---\nKeep me.\n");
        var filesBefore = Directory.GetFiles(kb.Folder, "*", SearchOption.AllDirectories).Order().ToList();
        var draft = await CreateAsync(app, new DraftContent("Can I bring my dog?", ["Are pets allowed in \"your\" shops?"], "Dogs on a lead are welcome.", "en", "store"));
        using var lee = await SupervisorAsync(app);

        var response = await lee.PostFormAsync($"/agent/drafts/{draft.Id}", Form(draft), $"/agent/drafts/{draft.Id}?handler=Publish");
        var published = (await Store(app).FindAsync(draft.Id, default))!;
        var article = (await app.Services.GetRequiredService<PublishedArticleStore>().LoadAsync(default)).Articles.Single();
        var answer = await app.Services.GetRequiredService<IKnowledgeSearch>().SearchAsync("Are pets allowed in your shops?", "en", default);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(filesBefore, Directory.GetFiles(kb.Folder, "*", SearchOption.AllDirectories).Order().ToList());
        Assert.Equal("Keep me.\n", (await File.ReadAllTextAsync(existing))[^9..]);
        Assert.Equal((KnowledgeDraftStatus.Published, "can-i-bring-my-dog-2", "en/store/can-i-bring-my-dog-2.md", "lee@example.com"),
            (published.Status, published.ArticleId, published.ArticlePath, published.ReviewedBy));
        Assert.Equal(("can-i-bring-my-dog-2", "Can I bring my dog?", "store", "en", "lee@example.com", "Dogs on a lead are welcome."),
            (article.Id, article.Title, article.Category, article.Locale, article.Owner, article.Body.Trim()));
        Assert.Equal(["Are pets allowed in \"your\" shops?"], article.Questions);
        Assert.Equal((KnowledgeDecision.Answer, "can-i-bring-my-dog-2"), (answer.Decision, answer.Best?.ArticleId));
    }

    [Fact]
    public async Task A_Chinese_title_gets_a_zh_id_and_a_draft_without_an_answer_or_changed_since_is_not_published()
    {
        using var kb = new TempKnowledgeBase();
        using var app = new AppServer(kb.Settings);
        var chinese = await CreateAsync(app, new DraftContent("可以带狗进店吗？", [], "可以，请为狗系好牵引绳。", "zh-CN", "store"));
        var unanswered = await CreateAsync(app, new DraftContent("Do you gift wrap?", [], "", "en", "store"));
        var stale = await CreateAsync(app, new DraftContent("Do you sell gift cards?", [], "Yes.", "en", "store"));
        await Store(app).UpdateAsync(stale.Id, stale.Version, DraftRecords.ContentOf(stale) with { Answer = "Yes, from 10 to 500 euros." }, "ben@example.com", default);
        using var lee = await SupervisorAsync(app);

        var published = await lee.PostFormAsync($"/agent/drafts/{chinese.Id}", Form(chinese), $"/agent/drafts/{chinese.Id}?handler=Publish");
        var noAnswer = await lee.PostFormAsync($"/agent/drafts/{unanswered.Id}", Form(unanswered), $"/agent/drafts/{unanswered.Id}?handler=Publish");
        var changed = await lee.PostFormAsync($"/agent/drafts/{stale.Id}", Form(stale), $"/agent/drafts/{stale.Id}?handler=Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal($"zh-store-draft-{chinese.Id}", (await Store(app).FindAsync(chinese.Id, default))!.ArticleId);
        Assert.Equal(HttpStatusCode.BadRequest, noAnswer.StatusCode);
        Assert.Contains("Write the answer before publishing.", await noAnswer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Contains("Do you sell gift cards?", await changed.Content.ReadAsStringAsync());
        Assert.Equal(KnowledgeDraftStatus.Draft, (await Store(app).FindAsync(unanswered.Id, default))!.Status);
        Assert.Equal(("Yes, from 10 to 500 euros.", KnowledgeDraftStatus.Draft), ((await Store(app).FindAsync(stale.Id, default))!.Answer, (await Store(app).FindAsync(stale.Id, default))!.Status));
        Assert.Equal([$"zh-store-draft-{chinese.Id}"],
            (await app.Services.GetRequiredService<PublishedArticleStore>().LoadAsync(default)).Articles.Select(a => a.Id));
    }

    [Fact]
    public async Task A_reviewer_saves_edits_and_rejects_with_a_note_and_a_rejected_draft_cannot_be_published()
    {
        using var kb = new TempKnowledgeBase();
        using var app = new AppServer(kb.Settings);
        var draft = await CreateAsync(app, new DraftContent("Do you gift wrap?", [], "", "en", "store"));
        using var lee = await SupervisorAsync(app);

        var saved = await lee.PostFormAsync($"/agent/drafts/{draft.Id}", Form(draft, answer: "Not yet.", questions: "Gift wrapping?\nCan you wrap presents?"), $"/agent/drafts/{draft.Id}?handler=Save");
        var edited = (await Store(app).FindAsync(draft.Id, default))!;
        var noNote = await lee.PostFormAsync($"/agent/drafts/{draft.Id}", new Dictionary<string, string> { ["Input.Version"] = "1", ["Input.Note"] = " " }, $"/agent/drafts/{draft.Id}?handler=Reject");
        var rejected = await lee.PostFormAsync($"/agent/drafts/{draft.Id}", new Dictionary<string, string> { ["Input.Version"] = "1", ["Input.Note"] = "We do not wrap gifts." }, $"/agent/drafts/{draft.Id}?handler=Reject");
        var publishLater = await lee.PostFormAsync($"/agent/drafts/{draft.Id}", Form(edited), $"/agent/drafts/{draft.Id}?handler=Publish");
        var final = (await Store(app).FindAsync(draft.Id, default))!;

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(("Not yet.", 1, "lee@example.com"), (edited.Answer, edited.Version, edited.UpdatedBy));
        Assert.Equal(["Gift wrapping?", "Can you wrap presents?"], KnowledgeDraftStore.QuestionsOf(edited));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("Say why you reject it, for the author.", await noNote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, publishLater.StatusCode);
        Assert.Equal((KnowledgeDraftStatus.Rejected, "We do not wrap gifts.", "lee@example.com", (string?)null),
            (final.Status, final.ReviewNote, final.ReviewedBy, final.ArticlePath));
    }

    private static KnowledgeDraftStore Store(AppServer app) => app.Services.GetRequiredService<KnowledgeDraftStore>();

    private static Task<KnowledgeDraftRecord> CreateAsync(AppServer app, DraftContent content) =>
        Store(app).CreateAsync(content, new DraftSource(KnowledgeDraftSources.Conversation, "H-TEST1", "conv-1", 1), "anna@example.com", default);

    private static async Task<StaffClient> SupervisorAsync(AppServer app)
    {
        await StaffClient.CreateUserAsync(app, "lee@example.com", Password, StaffRoles.Supervisor);
        var client = new StaffClient(app);
        await client.SignInAsync("lee@example.com", Password);
        return client;
    }

    private static Dictionary<string, string> Form(KnowledgeDraftRecord draft, string? answer = null, string? questions = null) => new()
    {
        ["Input.Version"] = draft.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Title"] = draft.Title,
        ["Input.Questions"] = questions ?? string.Join('\n', KnowledgeDraftStore.QuestionsOf(draft)),
        ["Input.Answer"] = answer ?? draft.Answer,
        ["Input.Locale"] = draft.Locale,
        ["Input.Category"] = draft.Category,
    };
}
