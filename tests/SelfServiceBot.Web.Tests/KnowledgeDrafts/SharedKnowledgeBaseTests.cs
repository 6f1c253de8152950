using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Data;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.Knowledge;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.KnowledgeDrafts;

/// <summary>
/// One knowledge base for all instances: two instances (each its own services and index folder) on one database and the
/// same shipped files. A draft published on one is answered by the other after its poll and after a restart, and
/// publishing never writes the knowledge base folder (in a container it is the image's, read-only).
/// </summary>
public sealed class SharedKnowledgeBaseTests : IDisposable
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string Question = "Can I bring my dog into the store?";
    private const string Answer = "Yes: dogs on a lead are welcome in all our stores.";

    private readonly TempKnowledgeBase _kb = new();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_published_on_one_instance_is_answered_by_the_other_after_its_poll_and_after_a_restart(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Instance, Settings("a"));
        await using var other = db.AnotherInstance(Instance, Settings("b"));
        var before = await AskAsync(other, Question);
        var draft = await DraftAsync(db.Services, Question, "Are pets allowed in your shops?");

        var outcome = await db.Services.GetRequiredService<DraftPublisher>().PublishAsync(draft.Id, draft.Version,
            DraftRecords.ContentOf(draft) with { Answer = Answer }, "lee@example.com", default);
        var onThePublisher = await AskAsync(db.Services, Question);
        var onTheOtherBeforeItsPoll = await AskAsync(other, Question);
        var reloaded = await other.GetRequiredService<KnowledgeEngineProvider>().RefreshIfChangedAsync(default);
        var onTheOther = await AskAsync(other, "Are pets allowed in your shops?");
        var pollAgain = await other.GetRequiredService<KnowledgeEngineProvider>().RefreshIfChangedAsync(default);
        await using var restarted = db.AnotherInstance(Instance, Settings("restarted"));
        var afterRestart = await AskAsync(restarted, Question);

        Assert.Equal(("can-i-bring-my-dog-into-the-store", "en/store/can-i-bring-my-dog-into-the-store.md"), (outcome.ArticleId, outcome.ArticlePath));
        Assert.NotEqual(outcome.ArticleId, before.Best?.ArticleId);
        Assert.Equal((KnowledgeDecision.Answer, outcome.ArticleId, Answer), (onThePublisher.Decision, onThePublisher.Best?.ArticleId, onThePublisher.Best?.Answer.Trim()));
        Assert.NotEqual(outcome.ArticleId, onTheOtherBeforeItsPoll.Best?.ArticleId);
        Assert.Equal((true, false), (reloaded, pollAgain));
        Assert.Equal((KnowledgeDecision.Answer, outcome.ArticleId), (onTheOther.Decision, onTheOther.Best?.ArticleId));
        Assert.Equal((KnowledgeDecision.Answer, outcome.ArticleId), (afterRestart.Decision, afterRestart.Best?.ArticleId));
        var draftAfter = (await db.Services.GetRequiredService<KnowledgeDraftStore>().FindAsync(draft.Id, default))!;
        Assert.Equal((KnowledgeDraftStatus.Published, outcome.ArticleId), (draftAfter.Status, draftAfter.ArticleId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Publishing_writes_nothing_into_a_read_only_knowledge_base_folder_and_ids_stay_unique_over_files_and_database(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Instance, Settings("a"));
        var filesBefore = Snapshot(_kb.Folder);
        SetReadOnly(_kb.Folder, true);
        try
        {
            // "store-hours" is the id of a shipped file's article (en/store/store-hours.md): the published ones get others.
            var first = await DraftAsync(db.Services, "Store hours");
            var second = await DraftAsync(db.Services, "Store hours");
            var publisher = db.Services.GetRequiredService<DraftPublisher>();

            var one = await publisher.PublishAsync(first.Id, first.Version, DraftRecords.ContentOf(first) with { Answer = "9 to 5." }, "lee@example.com", default);
            var two = await publisher.PublishAsync(second.Id, second.Version, DraftRecords.ContentOf(second) with { Answer = "9 to 6." }, "lee@example.com", default);
            var again = await publisher.PublishAsync(second.Id, second.Version, DraftRecords.ContentOf(second) with { Answer = "9 to 7." }, "lee@example.com", default);

            Assert.Equal(("store-hours-2", "store-hours-3"), (one.ArticleId, two.ArticleId));
            Assert.Equal(PublishProblem.Changed, again.Problem);
            Assert.Equal(filesBefore, Snapshot(_kb.Folder));
            await using var context = db.Factory.CreateDbContext();
            Assert.Equal(["store-hours-2", "store-hours-3"], await context.PublishedArticles().OrderBy(a => a.Id).Select(a => a.ArticleId).ToListAsync());
            Assert.Equal(2, await context.PublishedArticlesRevision().Select(r => r.Revision).SingleAsync());
        }
        finally
        {
            SetReadOnly(_kb.Folder, false);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reviewers_publishing_the_same_title_at_once_on_two_instances_get_distinct_ids_and_one_revision_each(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, Instance, Settings("a"));
        await using var other = db.AnotherInstance(Instance, Settings("b"));
        var drafts = new List<KnowledgeDraftRecord>();
        for (var i = 0; i < 4; i++)
        {
            drafts.Add(await DraftAsync(db.Services, "Do you gift wrap?"));
        }

        var outcomes = await Task.WhenAll(drafts.Select((draft, i) => (i % 2 == 0 ? db.Services : other).GetRequiredService<DraftPublisher>()
            .PublishAsync(draft.Id, draft.Version, DraftRecords.ContentOf(draft) with { Answer = $"Yes ({i})." }, "lee@example.com", default)));

        Assert.Equal(["do-you-gift-wrap", "do-you-gift-wrap-2", "do-you-gift-wrap-3", "do-you-gift-wrap-4"], outcomes.Select(o => o.ArticleId!).Order());
        await using var context = db.Factory.CreateDbContext();
        Assert.Equal(4, await context.PublishedArticlesRevision().Select(r => r.Revision).SingleAsync());
        Assert.Equal([1L, 2L, 3L, 4L], await context.PublishedArticles().OrderBy(a => a.Revision).Select(a => a.Revision).ToListAsync());
    }

    private void Instance(IServiceCollection services) => services.AddKnowledge().AddKnowledgeDrafts();

    private Dictionary<string, string?> Settings(string instance) => new()
    {
        ["Knowledge:KnowledgeBasePath"] = _kb.Folder,
        ["Knowledge:IndexPath"] = Path.Combine(_kb.Folder, "..", "index-" + instance),
        ["Knowledge:WatchForChanges"] = "false",
    };

    private static Task<KnowledgeDraftRecord> DraftAsync(IServiceProvider services, string title, params string[] questions) =>
        services.GetRequiredService<KnowledgeDraftStore>().CreateAsync(new DraftContent(title, questions, "", "en", "store"),
            new DraftSource(KnowledgeDraftSources.Conversation, "H-TEST1", "conv-1", 1), "anna@example.com", default);

    private static Task<KnowledgeResult> AskAsync(IServiceProvider services, string question) =>
        services.GetRequiredService<IKnowledgeSearch>().SearchAsync(question, "en", default);

    /// <summary>Every file under the folder with its size and last write time.</summary>
    private static List<string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => $"{Path.GetRelativePath(folder, path)} {(File.Exists(path) ? new FileInfo(path).Length : -1)} {File.GetLastWriteTimeUtc(path):O}")
            .ToList();

    /// <summary>As the image's knowledge base is to the app's user (chmod 555 on the folders; root ignores it, the snapshot does not).</summary>
    private static void SetReadOnly(string folder, bool readOnly)
    {
        var mode = readOnly ? UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        foreach (var dir in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Prepend(folder))
        {
            File.SetUnixFileMode(dir, mode);
        }
    }

    public void Dispose() => _kb.Dispose();
}
