using Lucene.Net.Store;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Tests.Engine;

/// <summary>
/// Hybrid ranking with a stand-in encoder that knows which words mean the same (<see cref="ConceptEncoder"/>): meaning
/// finds what words cannot, the evidence says so, the phrasings' vectors are stored and reused, and languages the encoder
/// does not cover stay lexical.
/// </summary>
public sealed class HybridRankingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ssb-hybrid-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_message_in_words_no_article_uses_finds_its_article_by_meaning()
    {
        var encoder = new ConceptEncoder();
        using var hybrid = Build(Articles(), encoder);
        using var lexical = Build(Articles(), encoder: null);

        var byMeaning = await hybrid.RankAsync("I was billed two times", "en");
        var byWords = await lexical.RankAsync("I was billed two times", "en");

        var best = byMeaning.Articles[0];
        Assert.Equal("charged-twice", best.Article.Id);
        Assert.True(best.DenseSimilarity > 0.9, $"dense {best.DenseSimilarity}");
        Assert.NotNull(best.DensePhrasing);
        Assert.True(byMeaning.Articles.Skip(1).All(a => a.DenseSimilarity < best.DenseSimilarity));
        Assert.Equal(1, encoder.Queries);
        // By words alone the message has nothing in common with the knowledge base's phrasings.
        Assert.True(byWords.Articles.Count == 0 || byWords.Articles[0].Confidence < best.Confidence,
            $"lexical {string.Join(", ", byWords.Articles.Select(a => $"{a.Article.Id}:{a.Confidence}"))}, hybrid {best.Confidence}");
        Assert.All(byWords.Articles, a => Assert.Equal(0, a.DenseSimilarity));
    }

    [Fact]
    public async Task Words_still_count_when_the_meaning_is_shared_by_several_articles()
    {
        using var hybrid = Build(Articles(), new ConceptEncoder());

        // "refund" and "money back" are one concept for the encoder; the words pick the article that says "status".
        var ranked = await hybrid.RankAsync("refund status", "en");

        Assert.Equal("refund-status", ranked.Articles[0].Article.Id);
    }

    [Fact]
    public void A_rebuild_encodes_only_the_phrasings_that_changed()
    {
        var vectors = Path.Combine(_root, "vectors-en.bin");
        var first = new ConceptEncoder();
        Build(Articles(), first, vectors).Dispose();
        var changed = Articles().Select(a => a.Id == "password" ? a with { Questions = [.. a.Questions, "My login is locked"] } : a).ToList();

        var second = new ConceptEncoder();
        Build(changed, second, vectors).Dispose();

        Assert.Equal(Articles().Sum(a => a.Questions.Count + 1), first.Encoded);
        Assert.Equal(1, second.Encoded);
    }

    [Fact]
    public async Task Another_model_with_another_dimension_rebuilds_the_index_and_its_vectors()
    {
        var source = new KnowledgeSource(new KnowledgeBase("memory", Articles(), []), new Dictionary<string, SynonymTable>());
        var six = new ConceptEncoder("test/concepts/6");
        var opened = PersistentIndex.Open(source, _root, encoder: six);
        opened.Engine.Dispose();
        var other = new Knowledge.Embeddings.EmbeddingSentenceEncoder(new Tests.Embeddings.CountingGenerator(12), "test/hash/12", new HashSet<string> { "en" });

        var reopened = PersistentIndex.Open(source, _root, encoder: other);

        Assert.True(reopened.Built);
        Assert.NotEqual(opened.Stamp, reopened.Stamp);
        var ranked = await reopened.Engine.RankAsync("Why was I charged twice?", "en");
        Assert.Equal("charged-twice", ranked.Articles[0].Article.Id);
        Assert.Equal(1.0, ranked.Articles[0].DenseSimilarity, 3);
        reopened.Engine.Dispose();
    }

    [Fact]
    public async Task A_language_the_encoder_does_not_cover_is_ranked_by_words_without_encoding()
    {
        var encoder = new ConceptEncoder();
        var articles = Articles().Concat([Article("refund-zh", "zh-CN", "退款什么时候到账", "退款进度", "我的钱什么时候退回来", "退款查询")]).ToList();
        using var engine = Build(articles, encoder);

        var ranked = await engine.RankAsync("退款进度查询", "zh-CN");

        Assert.Equal("refund-zh", ranked.Articles[0].Article.Id);
        Assert.Equal(0, encoder.Queries);
        Assert.False(engine.IsHybrid("zh-CN"));
        Assert.True(engine.IsHybrid("en"));
    }

    private KnowledgeEngine Build(IReadOnlyList<KnowledgeArticle> articles, ConceptEncoder? encoder, string? vectors = null) =>
        KnowledgeEngine.Build(articles, _ => SynonymTable.Empty,
            language => (FSDirectory.Open(Path.Combine(_root, Guid.NewGuid().ToString("N"), language)), true),
            encoder: encoder, vectorsPathFor: vectors is null ? null : _ => vectors);

    private static List<KnowledgeArticle> Articles() =>
    [
        Article("charged-twice", "en", "Why was I charged twice?", "Duplicate payment on my card", "I see the same charge twice", "Double payment for one order"),
        Article("refund-status", "en", "Where is my refund?", "Refund status", "When do I get my money back?", "Has my refund been processed?"),
        Article("refund-policy", "en", "Can I get my money back?", "Money back guarantee", "Do you give refunds?", "Is there a refund policy?"),
        Article("password", "en", "How do I reset my password?", "Forgot password", "Cannot sign in", "Password not accepted"),
        Article("track", "en", "How do I track my order?", "Where is my parcel?", "Tracking number for my package", "Has my shipment left?"),
    ];

    private static KnowledgeArticle Article(string id, string locale, string title, params string[] questions) => new()
    {
        Id = id, Title = title, Questions = questions, Category = "test", Locale = locale, Body = "Answer for " + id, SourcePath = id,
    };

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_root))
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
    }
}
