using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Tests.Embeddings;

/// <summary>The classifier is trained with the encoder's evidence: an index built with another encoder, or none, is rebuilt.</summary>
public sealed class EncoderIndexStampTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ssb-index-").FullName;

    [Fact]
    public void An_index_is_reused_by_the_same_encoder_and_rebuilt_for_another_model_or_for_none()
    {
        var modelA = CountingGenerator.Encoder(new CountingGenerator(8), "fake/a/8");
        var modelB = CountingGenerator.Encoder(new CountingGenerator(12), "fake/b/12");

        var withA = Open(modelA);
        var againA = Open(modelA);
        var withB = Open(modelB);
        var lexical = Open(null);

        Assert.True(withA.Built);
        Assert.False(againA.Built);
        Assert.Equal(withA.Stamp, againA.Stamp);
        Assert.True(withB.Built);
        Assert.True(lexical.Built);
        Assert.Equal(3, new[] { withA.Stamp, withB.Stamp, lexical.Stamp }.Distinct().Count());
    }

    [Fact]
    public void An_encoder_that_does_not_cover_the_language_leaves_its_index_lexical()
    {
        var zhOnly = new EmbeddingSentenceEncoder(new CountingGenerator(8), "fake/zh/8", new HashSet<string> { "zh" });

        var lexical = Open(null);
        var uncovered = Open(zhOnly);

        Assert.Equal(lexical.Stamp, uncovered.Stamp);
        Assert.False(uncovered.Built);
    }

    [Fact]
    public void The_phrasing_vectors_live_under_the_index_root_outside_the_version_folders()
    {
        var opened = Open(null);

        var vectors = PersistentIndex.VectorsPath(_root, "en");

        Assert.Equal(_root, Path.GetDirectoryName(vectors));
        Assert.False(vectors.StartsWith(opened.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    private PersistentIndex.Opened Open(ISentenceEncoder? encoder)
    {
        var opened = PersistentIndex.Open(Source, _root, encoder: encoder);
        opened.Engine.Dispose();
        return opened;
    }

    private static readonly KnowledgeSource Source = new(
        new KnowledgeBase("memory",
        [
            Article("track", "How do I track my order?", "Where is my parcel?", "Can I get a tracking number?"),
            Article("refund", "Where is my refund?", "Refund not received", "When do I get my money back?"),
        ], []),
        new Dictionary<string, SelfServiceBot.Knowledge.Analysis.SynonymTable>());

    private static KnowledgeArticle Article(string id, string title, params string[] questions) => new()
    {
        Id = id, Title = title, Questions = questions, Category = "test", Locale = "en", Body = "Answer for " + id, SourcePath = id,
    };

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
