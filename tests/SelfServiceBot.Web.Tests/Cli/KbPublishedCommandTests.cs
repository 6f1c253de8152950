using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Interchange;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.KnowledgeDrafts;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary>
/// <c>kb import --publish</c> and <c>kb export --published</c>, run as the real executable against the database a running
/// app uses: an imported article reaches the running app at its next poll, <c>kb ask --published</c> sees it too, and
/// published articles come out as Markdown files an author can move into git; <c>kb unpublish</c> takes one back.
/// </summary>
public sealed class KbPublishedCommandTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();

    [Fact]
    public async Task Imported_with_publish_the_running_app_answers_at_its_next_poll_and_export_published_writes_them_as_knowledge_base_files()
    {
        // The test polls itself; the app's own poller (every 10 s) would otherwise sometimes see a change first.
        using var app = new AppServer(new Dictionary<string, string?>(_kb.Settings) { ["Knowledge:SharedPollSeconds"] = "0" });
        var file = Path.Combine(app.DataDirectory, "lockers.jsonl");
        await using (var writer = new StreamWriter(file))
        {
            JsonLinesFormat.Write([Locker], writer);
        }
        var engines = app.Services.GetRequiredService<KnowledgeEngineProvider>();
        var draft = await app.Services.GetRequiredService<KnowledgeDraftStore>().CreateAsync(new DraftContent("Can I bring my dog?", [], "Dogs are welcome.", "en", "store"),
            new DraftSource(KnowledgeDraftSources.Conversation, "H-TEST1", "conv-1", 1), "anna@example.com", default);
        await app.Services.GetRequiredService<DraftPublisher>().PublishAsync(draft.Id, draft.Version, DraftRecords.ContentOf(draft), "lee@example.com", default);

        var import = await RunAsync(app, "kb", "import", "--from", file, "--publish");
        var before = await AskAsync(app, "Can I collect my order from a locker?");
        var polled = await engines.RefreshIfChangedAsync(default);
        var after = await AskAsync(app, "Can I collect my order from a locker?");
        var askFiles = await RunAsync(app, "kb", "ask", "Can I collect my order from a locker?");
        var askPublished = await RunAsync(app, "kb", "ask", "Can I collect my order from a locker?", "--published");
        var twice = await RunAsync(app, "kb", "import", "--from", file, "--publish");
        var exported = Path.Combine(app.DataDirectory, "exported");
        var export = await RunAsync(app, "kb", "export", "--published", "--to", exported);
        var files = KnowledgeBaseLoader.Load(exported);
        var unpublish = await RunAsync(app, "kb", "unpublish", "PARCEL-LOCKERS");
        var unpublishAgain = await RunAsync(app, "kb", "unpublish", "parcel-lockers");
        var pollAfterUnpublish = await engines.RefreshIfChangedAsync(default);
        var afterUnpublish = await AskAsync(app, "Can I collect my order from a locker?");

        Assert.True(import.Exit == 0, import.Stdout + import.Stderr);
        Assert.StartsWith("published 1 articles into the database (0 skipped)", import.Stdout);
        Assert.NotEqual("parcel-lockers", before.Best?.ArticleId);
        Assert.True(polled);
        Assert.Equal((KnowledgeDecision.Answer, "parcel-lockers"), (after.Decision, after.Best?.ArticleId));
        Assert.DoesNotContain("parcel-lockers", askFiles.Stdout);
        Assert.True(askPublished.Exit == 0, askPublished.Stderr);
        Assert.Matches(@"decision: Answer[^\n]*\n[^\n]*\n\s*\d+  parcel-lockers ", askPublished.Stdout);
        Assert.Equal(1, twice.Exit);
        Assert.Contains("en/parcel-lockers is already published; pass --overwrite to replace it", twice.Stderr);
        Assert.True(export.Exit == 0, export.Stdout + export.Stderr);
        Assert.Empty(files.Problems);
        Assert.Equal(["en/orders/parcel-lockers.md", "en/store/can-i-bring-my-dog.md"], files.Articles.Select(a => a.SourcePath).Order());
        var locker = files.Articles.Single(a => a.Id == "parcel-lockers");
        Assert.Equal((Locker.Title, Locker.Body, Locker.Owner, Locker.Updated), (locker.Title, locker.Body.Trim(), locker.Owner, locker.Updated));
        Assert.Equal(Locker.Questions, locker.Questions);
        Assert.True(unpublish.Exit == 0, unpublish.Stdout + unpublish.Stderr);
        Assert.Equal(1, unpublishAgain.Exit);
        Assert.Contains("no published article en/parcel-lockers", unpublishAgain.Stderr);
        Assert.True(pollAfterUnpublish);
        Assert.NotEqual("parcel-lockers", afterUnpublish.Best?.ArticleId);
        Assert.Equal(("Dogs are welcome.", "lee@example.com"), (files.Articles.Single(a => a.Id == "can-i-bring-my-dog").Body.Trim(),
            files.Articles.Single(a => a.Id == "can-i-bring-my-dog").Owner));
    }

    private static readonly KnowledgeArticle Locker = new()
    {
        Id = "parcel-lockers", Title = "Can I collect my order from a parcel locker?", Questions = ["Deliver to a locker", "Collect from a locker", "Locker pick up"],
        Category = "orders", Locale = "en", Owner = "ops@example.com", Updated = new DateOnly(2026, 12, 1),
        Body = "Yes: choose a parcel locker at checkout.", SourcePath = "",
    };

    private static Task<KnowledgeResult> AskAsync(AppServer app, string question) =>
        app.Services.GetRequiredService<IKnowledgeSearch>().SearchAsync(question, "en", default);

    /// <summary>The executable with the app's database and knowledge base, as an operator on the server would run it.</summary>
    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(AppServer app, params string[] args) =>
        AppServerCli.RunAsync(app, new Dictionary<string, string> { ["Knowledge__KnowledgeBasePath"] = _kb.Folder }, args);

    public void Dispose() => _kb.Dispose();
}
