using System.Numerics.Tensors;
using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Knowledge.Tests.Embeddings;

/// <summary>all-MiniLM-L6-v2 from the package's DLL: the default provider, in this process, with no download.</summary>
public sealed class LocalMiniLmTests
{
    private static readonly Lazy<ISentenceEncoder> Local = new(() => SentenceEncoders.Create(new EmbeddingOptions())!);

    [Fact]
    public void The_default_provider_is_the_local_model_for_english_with_its_queries_cached()
    {
        var encoder = Assert.IsType<CachingSentenceEncoder>(Local.Value);

        Assert.Equal("local/all-MiniLM-L6-v2/384", encoder.ModelId);
        Assert.True(encoder.Covers("en"));
        Assert.False(encoder.Covers("zh"));
    }

    [Theory]
    [InlineData("my card still hasn't come", "card delivery estimate", "how do I reset my password")]
    [InlineData("I was charged twice for one order", "duplicate payment on my account", "what are your opening hours")]
    [InlineData("can I send it back", "how to return an item", "change my email address")]
    public async Task A_paraphrase_is_closer_than_an_unrelated_sentence(string message, string paraphrase, string unrelated)
    {
        var vectors = await Local.Value.EncodeAsync([message, paraphrase, unrelated], CancellationToken.None);

        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]) > TensorPrimitives.CosineSimilarity(vectors[0], vectors[2]) + 0.1f,
            $"paraphrase {TensorPrimitives.CosineSimilarity(vectors[0], vectors[1])}, unrelated {TensorPrimitives.CosineSimilarity(vectors[0], vectors[2])}");
    }

    [Fact]
    public async Task Vectors_are_unit_length_and_a_message_encodes_as_its_phrasing_does()
    {
        var phrasings = await Local.Value.EncodeAsync(["Where is my parcel?", "Refund not received"], CancellationToken.None);
        var query = await Local.Value.EncodeQueryAsync("Where is my parcel?", CancellationToken.None);

        Assert.All(phrasings.Append(query), v =>
        {
            Assert.Equal(384, v.Length);
            Assert.InRange(TensorPrimitives.Norm(v), 0.999f, 1.001f);
        });
        Assert.InRange(TensorPrimitives.CosineSimilarity(phrasings[0], query), 0.999f, 1.001f);
    }
}
