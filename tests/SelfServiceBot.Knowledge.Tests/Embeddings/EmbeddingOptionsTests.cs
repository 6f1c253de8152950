using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;
using SelfServiceBot.Knowledge.Ranking;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Tests.Embeddings;

public sealed class EmbeddingOptionsTests
{
    [Theory]
    [InlineData("OpenAI", null, null, "sk", "Knowledge:Embeddings:Model is required for Provider OpenAI")]
    [InlineData("AzureOpenAI", null, "kb", "key", "Knowledge:Embeddings:Endpoint is required for Provider AzureOpenAI")]
    [InlineData("AzureOpenAI", "https://kb.openai.azure.com", "kb", null, "Knowledge:Embeddings:ApiKey is required for Provider AzureOpenAI")]
    [InlineData("OpenAI", null, "text-embedding-3-small", null, "Knowledge:Embeddings:ApiKey is required for api.openai.com")]
    [InlineData("OpenAI", "not a url", "m", "k", "Knowledge:Embeddings:Endpoint must be an absolute http(s) address")]
    [InlineData("OpenAI", "ftp://host/v1", "m", "k", "Knowledge:Embeddings:Endpoint must be an absolute http(s) address")]
    public async Task A_service_provider_missing_what_it_needs_stops_the_app_at_start_saying_what(string provider, string? endpoint,
        string? model, string? key, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Knowledge:Embeddings:Provider"] = provider, ["Knowledge:Embeddings:Endpoint"] = endpoint,
            ["Knowledge:Embeddings:Model"] = model, ["Knowledge:Embeddings:ApiKey"] = key,
        }));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("QueryCacheSize", "-1", "QueryCacheSize must be 0 (off) or more")]
    [InlineData("BatchSize", "0", "BatchSize must be between 1 and 2048")]
    [InlineData("TimeoutSeconds", "0", "TimeoutSeconds must be at least 1")]
    [InlineData("Dimensions", "256", "Dimensions cannot be changed for Provider Local")]
    [InlineData("Dimensions", "-3", "Dimensions must be positive")]
    public async Task A_bad_setting_stops_the_app_at_start_saying_which(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Knowledge:Embeddings:" + key] = value }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_valid_service_configuration_has_no_problems_and_names_its_model_and_dimension()
    {
        var options = new EmbeddingOptions
        {
            Provider = EmbeddingProvider.AzureOpenAI, Endpoint = "https://kb.openai.azure.com", Model = "kb-embeddings", ApiKey = "k",
            Dimensions = 512,
        };

        Assert.Empty(options.Problems());
        Assert.Equal("azureopenai/kb-embeddings/512", options.ModelId());
        Assert.Equal(["en", "zh"], options.LanguagesOrDefault().Order());
    }

    [Fact]
    public async Task Provider_None_gives_the_app_no_encoder_and_the_lexical_index_it_had_without_one()
    {
        var index = Directory.CreateTempSubdirectory("ssb-index-").FullName;
        try
        {
            using var host = await StartAsync(new()
            {
                ["Knowledge:Embeddings:Provider"] = "None", ["Knowledge:KnowledgeBasePath"] = SampleKnowledgeBase.Path,
                ["Knowledge:IndexPath"] = index,
            });
            var provider = host.Services.GetRequiredService<KnowledgeEngineProvider>();
            await provider.GetAsync(CancellationToken.None);
            var source = KnowledgeSource.Load(SampleKnowledgeBase.Path);

            Assert.Null(host.Services.GetRequiredService<KnowledgeEncoder>().Encoder);
            Assert.Equal(IndexStamp.Compute(source.KnowledgeBase.Articles, source.SynonymsFor, RankingSettings.Default, encoder: null),
                provider.Stamp);
            Assert.NotEqual(IndexStamp.Compute(source.KnowledgeBase.Articles, source.SynonymsFor, RankingSettings.Default,
                new EmbeddingSentenceEncoder(new CountingGenerator(8), "fake/a/8", new HashSet<string> { "en" })), provider.Stamp);
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(index, recursive: true);
        }
    }

    [Fact]
    public async Task The_languages_configured_replace_the_providers_default()
    {
        using var host = await StartAsync(new() { ["Knowledge:Embeddings:Languages:0"] = "en", ["Knowledge:Embeddings:Languages:1"] = "fr" });

        Assert.Equal(["en", "fr"], host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.LanguagesOrDefault().Order());
        await host.StopAsync();
    }

    /// <summary>A host with the knowledge module; unless the settings name one, no knowledge base (its startup logs that and goes on).</summary>
    private static async Task<IHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var configuration = new Dictionary<string, string?>
        {
            ["Knowledge:KnowledgeBasePath"] = Path.Combine(Path.GetTempPath(), "ssb-no-kb-" + Guid.NewGuid().ToString("N")),
            ["Knowledge:IndexPath"] = Path.Combine(Path.GetTempPath(), "ssb-no-index-" + Guid.NewGuid().ToString("N")),
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging();
        builder.Services.AddKnowledge();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }
}
