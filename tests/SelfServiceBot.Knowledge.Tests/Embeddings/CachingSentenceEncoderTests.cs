using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Knowledge.Tests.Embeddings;

public sealed class CachingSentenceEncoderTests
{
    private readonly CountingGenerator _generator = new(8);

    private CachingSentenceEncoder Cache(int capacity) => new(CountingGenerator.Encoder(_generator, "fake/a/8"), capacity);

    [Fact]
    public async Task A_repeated_message_is_answered_from_the_cache_without_the_model()
    {
        var cache = Cache(10);

        var first = await cache.EncodeQueryAsync("where is my order", CancellationToken.None);
        var second = await cache.EncodeQueryAsync("where is my order", CancellationToken.None);

        Assert.Single(_generator.Texts);
        Assert.Same(first, second);
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
    }

    [Theory]
    [InlineData("  Where is   my ORDER \t", "where is my order")]
    [InlineData("where\nis my order", "where is my order")]
    [InlineData("我的 订单  在哪里", "我的 订单 在哪里")]
    public async Task Messages_differing_only_in_case_or_spacing_share_one_vector(string variant, string normal)
    {
        var cache = Cache(10);

        await cache.EncodeQueryAsync(normal, CancellationToken.None);
        await cache.EncodeQueryAsync(variant, CancellationToken.None);

        Assert.Equal(normal, CachingSentenceEncoder.Normalize(variant));
        Assert.Equal([normal], _generator.Texts);
    }

    [Fact]
    public async Task The_least_recently_used_message_is_evicted_first_when_the_cache_is_full()
    {
        var cache = Cache(2);
        await cache.EncodeQueryAsync("a", CancellationToken.None);
        await cache.EncodeQueryAsync("b", CancellationToken.None);
        await cache.EncodeQueryAsync("a", CancellationToken.None); // a is now the most recent; b goes next

        await cache.EncodeQueryAsync("c", CancellationToken.None);
        await cache.EncodeQueryAsync("a", CancellationToken.None);
        await cache.EncodeQueryAsync("b", CancellationToken.None);

        Assert.Equal(["a", "b", "c", "b"], _generator.Texts);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task The_cache_never_holds_more_than_its_capacity()
    {
        var cache = Cache(5);

        for (var i = 0; i < 50; i++)
        {
            await cache.EncodeQueryAsync($"message {i}", CancellationToken.None);
        }

        Assert.Equal(5, cache.Count);
    }

    [Fact]
    public async Task Phrasings_pass_through_to_the_model_every_time()
    {
        var cache = Cache(10);

        await cache.EncodeAsync(["a", "b"], CancellationToken.None);
        await cache.EncodeAsync(["a", "b"], CancellationToken.None);

        Assert.Equal(["a", "b", "a", "b"], _generator.Texts);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Many_threads_at_once_get_each_message_its_own_vector_and_the_cache_stays_bounded()
    {
        var cache = Cache(16);
        var messages = Enumerable.Range(0, 64).Select(i => $"message {i % 32}").ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            var seen = new List<(string, float[])>();
            for (var round = 0; round < 20; round++)
            {
                var message = messages[(thread * 7 + round * 13) % messages.Length];
                seen.Add((message, await cache.EncodeQueryAsync(message, CancellationToken.None)));
            }
            return seen;
        })));

        Assert.All(results.SelectMany(r => r), r => Assert.Equal(CountingGenerator.VectorOf(r.Item1, 8), r.Item2));
        Assert.InRange(cache.Count, 1, 16);
        Assert.Equal(160, cache.Hits + cache.Misses);
    }

    [Fact]
    public void A_cache_of_no_messages_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cache(0));
    }
}
