using Microsoft.Extensions.Logging.Abstractions;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.Knowledge.Tests.Infrastructure;

namespace SelfServiceBot.Knowledge.Tests.Search;

/// <summary>The follow-up questions suggested after an answer helped: an article's <c>related</c> ids, resolved.</summary>
public sealed class RelatedArticlesTests
{
    [Fact]
    public async Task The_sample_answers_related_articles_come_in_their_order_up_to_the_maximum()
    {
        var all = await SampleSearch.Search.RelatedAsync("track-order", "en", 3, default);
        var two = await SampleSearch.Search.RelatedAsync("track-order", "en", 2, default);

        Assert.Equal(["delivery-times", "cancel-order", "delivered-not-received"], all.Select(a => a.ArticleId));
        Assert.Equal(["How long does delivery take?", "How do I cancel my order?"], two.Select(a => a.Title));
        Assert.All(all, a => Assert.Equal(0, a.Confidence));
        Assert.Empty(await SampleSearch.Search.RelatedAsync("no-such-article", "en", 3, default));
    }

    [Fact]
    public async Task Ids_that_do_not_exist_are_skipped_and_an_id_used_in_two_locales_is_the_conversations()
    {
        var root = Path.Combine(Path.GetTempPath(), "ssb-related-" + Guid.NewGuid().ToString("N"));
        try
        {
            Write(root, "en/orders/shared.md", "shared", "How do I track my order?", "[missing, b]");
            Write(root, "en/orders/b.md", "b", "How long does delivery take?", "[]");
            Write(root, "zh-CN/orders/shared.md", "shared", "我的订单在哪里？", "[c]");
            Write(root, "zh-CN/orders/c.md", "c", "配送需要多长时间？", "[]");
            var options = new KnowledgeOptions { KnowledgeBasePath = root, IndexPath = Path.Combine(root, "index") };
            var wrapped = Microsoft.Extensions.Options.Options.Create(options);
            using var provider = new KnowledgeEngineProvider(wrapped, new KnowledgeBaseLocator(wrapped), NullLogger<KnowledgeEngineProvider>.Instance);
            var search = new LuceneKnowledgeSearch(provider, new FixedOptionsMonitor<KnowledgeOptions>(options));

            var english = await search.RelatedAsync("shared", "en-US", 3, default);
            var chinese = await search.RelatedAsync("shared", "zh-CN", 3, default);

            Assert.Equal(["b"], english.Select(a => a.ArticleId));
            Assert.Equal(("c", "zh-CN"), (Assert.Single(chinese).ArticleId, chinese[0].Locale));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Write(string root, string path, string id, string title, string related)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"---\nid: {id}\ntitle: {title}\nrelated: {related}\n---\nThe answer to \"{title}\".\n");
    }
}
