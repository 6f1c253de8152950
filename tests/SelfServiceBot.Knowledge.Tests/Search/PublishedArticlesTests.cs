using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.Knowledge.Tests.Infrastructure;

namespace SelfServiceBot.Knowledge.Tests.Search;

/// <summary>
/// The engine serves the folder's files and the published articles, and polls their revision. The database's store is
/// tested in the Web tests (two instances on one database); here a list in memory plays it.
/// </summary>
public sealed class PublishedArticlesTests : IDisposable
{
    private const string LockerQuestion = "Can I collect my order from a locker?";

    private readonly string _root = Directory.CreateTempSubdirectory("ssb-published-").FullName;
    private readonly InMemoryPublished _published = new();

    public PublishedArticlesTests()
    {
        WriteArticle("track-order", "How do I track my order?", "Where is my parcel?", "Track my package", "Has my order shipped?");
        WriteArticle("refund-status", "Where is my refund?", "Refund not received", "When do I get my money back?", "Refund status");
        WriteArticle("reset-password", "How do I reset my password?", "Forgot my password", "Cannot sign in", "Password reset link");
    }

    [Fact]
    public async Task Published_articles_are_served_beside_the_files_and_a_file_with_the_same_id_wins()
    {
        _published.Publish(Article("parcel-lockers", "Can I collect my order from a parcel locker?", "Deliver to a locker", "Collect from a locker"));
        _published.Publish(Article("TRACK-ORDER", "Tracking, as published before it was moved into the files", "Where is it?"));
        using var provider = Provider();

        var engine = (await provider.GetAsync(CancellationToken.None))!;
        var answer = await Search(provider).SearchAsync(LockerQuestion, "en", CancellationToken.None);

        Assert.Equal("parcel-lockers", answer.Best?.ArticleId);
        Assert.Equal("The answer to How do I track my order?", engine.Find("track-order", "en")!.Body.Trim());
        Assert.Equal(4, engine.ArticleCount);
    }

    [Fact]
    public async Task The_poll_reloads_when_the_revision_moved_and_only_then()
    {
        using var provider = Provider();
        var before = await Search(provider).SearchAsync(LockerQuestion, "en", CancellationToken.None);
        var unchanged = await provider.RefreshIfChangedAsync(CancellationToken.None);

        _published.Publish(Article("parcel-lockers", "Can I collect my order from a parcel locker?", "Deliver to a locker", "Collect from a locker"));
        var changed = await provider.RefreshIfChangedAsync(CancellationToken.None);
        var after = await Search(provider).SearchAsync(LockerQuestion, "en", CancellationToken.None);
        var again = await provider.RefreshIfChangedAsync(CancellationToken.None);

        Assert.NotEqual("parcel-lockers", before.Best?.ArticleId);
        Assert.Equal("parcel-lockers", after.Best?.ArticleId);
        Assert.Equal((false, true, false), (unchanged, changed, again));
        Assert.Equal(2, _published.Loads);
    }

    [Fact]
    public async Task While_the_database_is_away_a_reload_keeps_the_published_articles_read_before_and_the_next_poll_reads_them_again()
    {
        _published.Publish(Article("parcel-lockers", "Can I collect my order from a parcel locker?", "Deliver to a locker", "Collect from a locker"));
        using var provider = Provider();
        await provider.GetAsync(CancellationToken.None);

        _published.Away = true;
        WriteArticle("gift-cards", "Do you sell gift cards?", "Gift vouchers", "Buy a gift card", "Gift card balance");
        await provider.ReloadAsync(CancellationToken.None);
        var whileAway = await Search(provider).SearchAsync(LockerQuestion, "en", CancellationToken.None);
        await Assert.ThrowsAsync<IOException>(() => provider.RefreshIfChangedAsync(CancellationToken.None));
        _published.Away = false;
        var back = await provider.RefreshIfChangedAsync(CancellationToken.None);

        Assert.Equal("parcel-lockers", whileAway.Best?.ArticleId);
        Assert.NotNull((await provider.GetAsync(CancellationToken.None))!.Find("gift-cards", "en"));
        Assert.True(back);
    }

    [Fact]
    public async Task The_poller_asks_every_SharedPollSeconds_and_an_article_published_meanwhile_is_answered_after_the_tick()
    {
        var clock = new FakeTimeProvider();
        var options = Options(sharedPollSeconds: 10);
        using var provider = Provider(options);
        await provider.GetAsync(CancellationToken.None);
        using var poller = new PublishedArticlesPoller(provider, Microsoft.Extensions.Options.Options.Create(options), clock,
            NullLogger<PublishedArticlesPoller>.Instance);
        await poller.StartAsync(CancellationToken.None);
        var stamp = provider.Stamp;

        _published.Publish(Article("parcel-lockers", "Can I collect my order from a parcel locker?", "Deliver to a locker", "Collect from a locker"));
        clock.Advance(TimeSpan.FromSeconds(9));
        var asksBeforeThePeriod = _published.RevisionReads;
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => provider.Stamp != stamp);
        var answer = await Search(provider).SearchAsync(LockerQuestion, "en", CancellationToken.None);
        await poller.StopAsync(CancellationToken.None);

        Assert.Equal(0, asksBeforeThePeriod);
        Assert.Equal(1, _published.RevisionReads);
        Assert.Equal("parcel-lockers", answer.Best?.ArticleId);
    }

    private KnowledgeOptions Options(int sharedPollSeconds = 10) =>
        new() { KnowledgeBasePath = Path.Combine(_root, "kb"), IndexPath = Path.Combine(_root, "index"), SharedPollSeconds = sharedPollSeconds, WatchForChanges = false };

    private KnowledgeEngineProvider Provider(KnowledgeOptions? options = null)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options ?? Options());
        return new KnowledgeEngineProvider(wrapped, new KnowledgeBaseLocator(wrapped), NullLogger<KnowledgeEngineProvider>.Instance, null, _published);
    }

    private LuceneKnowledgeSearch Search(KnowledgeEngineProvider provider) => new(provider, new FixedOptionsMonitor<KnowledgeOptions>(Options()));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static KnowledgeArticle Article(string id, string title, params string[] questions) => new()
    {
        Id = id, Title = title, Questions = questions, Category = "orders", Locale = "en", Body = $"Published: {title}", SourcePath = $"published:en/orders/{id}.md",
    };

    private void WriteArticle(string id, string title, params string[] questions)
    {
        var folder = Path.Combine(_root, "kb", "en", "orders");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, id + ".md"),
            $"---\nid: {id}\ntitle: {title}\nquestions:\n{string.Concat(questions.Select(q => $"  - {q}\n"))}---\nThe answer to {title}\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class InMemoryPublished : IPublishedArticles
    {
        private readonly List<KnowledgeArticle> _articles = [];
        private long _revision;

        public bool Away { get; set; }
        public int Loads { get; private set; }
        public int RevisionReads { get; private set; }

        public void Publish(KnowledgeArticle article)
        {
            lock (_articles)
            {
                _articles.Add(article);
                _revision++;
            }
        }

        public Task<long> RevisionAsync(CancellationToken cancellationToken)
        {
            RevisionReads++;
            return Away ? Task.FromException<long>(new IOException("database away")) : Task.FromResult(_revision);
        }

        public Task<PublishedArticleSet> LoadAsync(CancellationToken cancellationToken)
        {
            if (Away)
            {
                return Task.FromException<PublishedArticleSet>(new IOException("database away"));
            }
            Loads++;
            lock (_articles)
            {
                return Task.FromResult(new PublishedArticleSet(_revision, _articles.ToList()));
            }
        }
    }
}
