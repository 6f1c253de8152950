using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.Web.Tests.DirectLine;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Knowledge;

/// <summary>
/// The app as shipped, with the local sentence encoder (the other tests rank lexically, see AppServer), answering over
/// Direct Line. Its index folder is under the content root (data/, not in git), so the phrasings' vectors a first run
/// embeds are found by the next start and the next run.
/// </summary>
public sealed class HybridRankingTests
{
    private const string IndexPath = "data/index-hybrid";

    private static Dictionary<string, string?> LocalEncoder => new()
    {
        ["Knowledge:Embeddings:Provider"] = "Local",
        ["Knowledge:IndexPath"] = IndexPath,
    };

    [Fact]
    public async Task With_the_local_encoder_the_app_starts_on_an_index_built_for_it_and_answers_a_question()
    {
        using var app = new AppServer(LocalEncoder);

        var answer = await AskAsync(app, "How do I track my order?");

        Assert.StartsWith("You can track your order", answer);
        var encoder = app.Services.GetRequiredService<KnowledgeEncoder>().Encoder;
        Assert.Equal("local/all-MiniLM-L6-v2/384", encoder?.ModelId);
        var provider = app.Services.GetRequiredService<KnowledgeEngineProvider>();
        Assert.True(Directory.Exists(Path.Combine(ContentRoot(app), IndexPath, provider.Stamp!)));
    }

    // Lexically this message has no match (its best article, billing-address, scores 13 < ClarifyThreshold 20); by meaning
    // its nearest phrasing is charged-twice's.
    [Fact]
    public async Task A_message_in_words_the_articles_never_use_is_answered_through_hybrid_ranking()
    {
        using var app = new AppServer(LocalEncoder);

        var answer = await AskAsync(app, "I was billed two times");

        Assert.StartsWith("A second amount is almost always a **pending hold**", answer);
        var cache = Assert.IsType<CachingSentenceEncoder>(app.Services.GetRequiredService<KnowledgeEncoder>().Encoder);
        Assert.True(cache.Misses >= 1);
        Assert.True(File.Exists(Path.Combine(ContentRoot(app), IndexPath, "vectors-en.bin")));
    }

    private static async Task<string?> AskAsync(AppServer app, string question)
    {
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        var id = await client.PostMessageAsync(conversationId, token, question);
        var log = await client.PollUntilAsync(conversationId, token,
            seen => seen.Any(a => DirectLineTestClient.IsBotReplyTo(a, id) && (string?)a["type"] == "message"));
        return (string?)log.First(a => DirectLineTestClient.IsBotReplyTo(a, id) && (string?)a["type"] == "message")["text"];
    }

    private static string ContentRoot(AppServer app) => app.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
}
