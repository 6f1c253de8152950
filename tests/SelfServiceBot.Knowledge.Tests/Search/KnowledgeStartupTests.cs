using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.Knowledge.Tests.Engine;

namespace SelfServiceBot.Knowledge.Tests.Search;

/// <summary>
/// At start, an index that ranks by meaning gets its encoder loaded (the first customer should not wait for the model),
/// without a message in the query cache; a lexical index leaves the encoder alone.
/// </summary>
public sealed class KnowledgeStartupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ssb-startup-").FullName;

    [Theory]
    [InlineData("en", 1)]
    [InlineData("zh-CN", 0)]
    public async Task The_encoder_is_warmed_up_only_when_an_index_ranks_by_meaning(string locale, int warmUps)
    {
        var folder = Path.Combine(_root, "kb", locale, "orders");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "track.md"), "---\nid: track\ntitle: Where is my parcel?\nquestions:\n  - Track my order\n---\nSee the order page.\n");
        var options = Options.Create(new KnowledgeOptions
        {
            KnowledgeBasePath = Path.Combine(_root, "kb"), IndexPath = Path.Combine(_root, "index"), WatchForChanges = false,
        });
        var concepts = new ConceptEncoder();
        using var encoder = new KnowledgeEncoder(() => concepts, meters: null);
        using var provider = new KnowledgeEngineProvider(options, new KnowledgeBaseLocator(options),
            NullLogger<KnowledgeEngineProvider>.Instance, encoder: encoder);
        using var startup = new KnowledgeStartup(provider, new KnowledgeBaseLocator(options), options,
            NullLogger<KnowledgeStartup>.Instance, encoder);
        var phrasings = locale == "en" ? 2 : 0;

        await startup.StartAsync(CancellationToken.None);

        Assert.Equal(phrasings + warmUps, concepts.Encoded);
        Assert.Equal(0, concepts.Queries);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
