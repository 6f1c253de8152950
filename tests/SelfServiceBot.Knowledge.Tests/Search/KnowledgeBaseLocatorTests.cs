using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Tests.Search;

public sealed class KnowledgeBaseLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ssb-locator-").FullName;

    [Fact]
    public void Without_configuration_the_nearest_knowledgebase_folder_above_the_content_root_is_used()
    {
        var kb = Directory.CreateDirectory(Path.Combine(_root, "knowledgebase")).FullName;
        var contentRoot = Directory.CreateDirectory(Path.Combine(_root, "src", "App")).FullName;

        Assert.Equal(kb, Locator(new KnowledgeOptions(), contentRoot).Resolve(out _));
    }

    [Fact]
    public void A_configured_relative_path_is_taken_from_the_content_root()
    {
        var kb = Directory.CreateDirectory(Path.Combine(_root, "content", "articles")).FullName;

        Assert.Equal(kb, Locator(new KnowledgeOptions { KnowledgeBasePath = "articles" }, Path.Combine(_root, "content")).Resolve(out _));
    }

    [Fact]
    public async Task A_configured_path_that_does_not_exist_is_not_replaced_by_a_guess_and_the_search_answers_no_match()
    {
        var options = new KnowledgeOptions { KnowledgeBasePath = Path.Combine(_root, "missing") };
        var locator = Locator(options, _root);

        Assert.Null(locator.Resolve(out var searched));
        Assert.Equal([Path.Combine(_root, "missing")], searched);
        var provider = new KnowledgeEngineProvider(Options.Create(options), locator, NullLogger<KnowledgeEngineProvider>.Instance);
        var search = new LuceneKnowledgeSearch(provider, new Infrastructure.FixedOptionsMonitor<KnowledgeOptions>(options));
        Assert.Equal(KnowledgeDecision.NoMatch, (await search.SearchAsync("How do I track my order?", "en", CancellationToken.None)).Decision);
    }

    private static KnowledgeBaseLocator Locator(KnowledgeOptions options, string contentRoot) =>
        new(Options.Create(options), new Environment(contentRoot));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Test";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
