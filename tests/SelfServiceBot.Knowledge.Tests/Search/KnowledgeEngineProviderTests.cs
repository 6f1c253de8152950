using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.Knowledge.Tests.Infrastructure;

namespace SelfServiceBot.Knowledge.Tests.Search;

public sealed class KnowledgeEngineProviderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ssb-provider-").FullName;

    [Fact]
    public async Task A_reload_swaps_in_the_changed_knowledge_base_while_searches_keep_being_answered()
    {
        var kb = Path.Combine(_root, "kb");
        WriteArticle(kb, "track-order", "How do I track my order?", "Where is my parcel?", "Track my package", "Has my order shipped?");
        WriteArticle(kb, "refund-status", "Where is my refund?", "Refund not received", "When do I get my money back?", "Refund status");
        WriteArticle(kb, "reset-password", "How do I reset my password?", "Forgot my password", "Cannot sign in", "Password reset link");
        var options = new KnowledgeOptions { KnowledgeBasePath = kb, IndexPath = Path.Combine(_root, "index") };
        using var provider = new KnowledgeEngineProvider(Options.Create(options), new KnowledgeBaseLocator(Options.Create(options)),
            NullLogger<KnowledgeEngineProvider>.Instance);
        var search = new LuceneKnowledgeSearch(provider, new FixedOptionsMonitor<KnowledgeOptions>(options));
        var before = await search.SearchAsync("Can I collect my order from a locker?", "en", CancellationToken.None);
        var firstStamp = provider.Stamp;

        WriteArticle(kb, "parcel-lockers", "Can I collect my order from a parcel locker?", "Deliver to a locker",
            "Collect from a locker", "Locker pick up");
        using var searching = new CancellationTokenSource();
        var failures = 0;
        var searches = Task.Run(async () =>
        {
            while (!searching.IsCancellationRequested)
            {
                try
                {
                    await search.SearchAsync("Where is my parcel?", "en", CancellationToken.None);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await provider.ReloadAsync(CancellationToken.None);
        await searching.CancelAsync();
        await searches;
        var after = await search.SearchAsync("Can I collect my order from a locker?", "en", CancellationToken.None);

        Assert.NotEqual("parcel-lockers", before.Best?.ArticleId);
        Assert.Equal("parcel-lockers", after.Best?.ArticleId);
        Assert.NotEqual(firstStamp, provider.Stamp);
        Assert.Equal(0, failures);
    }

    private static void WriteArticle(string kb, string id, string title, params string[] questions)
    {
        var folder = Path.Combine(kb, "en", "orders");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, id + ".md"),
            $"---\nid: {id}\ntitle: {title}\nquestions:\n{string.Concat(questions.Select(q => $"  - {q}\n"))}---\nThe answer to {title}\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
