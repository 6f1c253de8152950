using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Knowledge.Tests.Embeddings;

/// <summary>
/// The service providers against an embeddings endpoint on a loopback port (real HTTP, the OpenAI client's own requests):
/// the model or deployment asked for, the key's header, and phrasings sent in batches.
/// </summary>
public sealed class OpenAiProviderTests : IAsyncLifetime
{
    private WebApplication? _server;
    private readonly ConcurrentQueue<Request> _requests = new();

    private sealed record Request(string Path, string? Authorization, string? ApiKey, string Model, int? Dimensions, string[] Input);

    private string Address => _server!.Urls.Single();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var input = body["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToArray() : [body["input"]!.GetValue<string>()];
            _requests.Enqueue(new Request(context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(),
                context.Request.Headers["api-key"].FirstOrDefault(), body["model"]!.GetValue<string>(), body["dimensions"]?.GetValue<int>(), input));
            var dimension = body["dimensions"]?.GetValue<int>() ?? 6;
            var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
            var data = new JsonArray(input.Select((text, i) => (JsonNode)new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64
                    ? Convert.ToBase64String(CountingGenerator.Raw(text, dimension).SelectMany(BitConverter.GetBytes).ToArray())
                    : new JsonArray(CountingGenerator.Raw(text, dimension).Select(v => (JsonNode)v).ToArray()),
            }).ToArray());
            return Results.Json(new JsonObject
            {
                ["object"] = "list", ["data"] = data, ["model"] = body["model"]!.GetValue<string>(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = input.Length, ["total_tokens"] = input.Length },
            });
        });
        await _server.StartAsync();
    }

    [Fact]
    public async Task OpenAI_is_asked_for_the_configured_model_and_dimension_with_a_bearer_key_in_batches()
    {
        using var encoder = (IDisposable)SentenceEncoders.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.OpenAI, Endpoint = Address + "/v1", Model = "text-embedding-3-small", ApiKey = "sk-test",
            Dimensions = 8, BatchSize = 3,
        })!;
        var texts = Enumerable.Range(0, 7).Select(i => $"phrasing {i}").ToArray();

        var vectors = await ((ISentenceEncoder)encoder).EncodeAsync(texts, CancellationToken.None);

        Assert.Equal([3, 3, 1], _requests.Select(r => r.Input.Length));
        Assert.All(_requests, r => Assert.Equal(("/v1/embeddings", "Bearer sk-test", (string?)null, "text-embedding-3-small", (int?)8),
            (r.Path, r.Authorization, r.ApiKey, r.Model, r.Dimensions)));
        Assert.Equal(texts, _requests.SelectMany(r => r.Input));
        Assert.Equal(texts.Select(t => CountingGenerator.VectorOf(t, 8)), vectors);
        Assert.Equal("openai/text-embedding-3-small/8", ((ISentenceEncoder)encoder).ModelId);
    }

    [Fact]
    public async Task Azure_OpenAI_is_asked_at_the_resource_v1_endpoint_for_the_deployment_with_its_api_key_header()
    {
        var encoder = SentenceEncoders.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.AzureOpenAI, Endpoint = Address, Model = "kb-embeddings", ApiKey = "azure-secret",
        })!;

        var vector = await encoder.EncodeQueryAsync("Where is my parcel?", CancellationToken.None);

        var request = Assert.Single(_requests);
        Assert.Equal(("/openai/v1/embeddings", (string?)null, "azure-secret", "kb-embeddings"),
            (request.Path, request.Authorization, request.ApiKey, request.Model));
        Assert.Equal(["where is my parcel?"], request.Input);
        Assert.Equal(CountingGenerator.VectorOf("where is my parcel?", 6), vector);
        Assert.True(encoder.Covers("zh"));
        (encoder as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_compatible_server_without_a_key_gets_no_authorization_header()
    {
        var encoder = SentenceEncoders.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.OpenAI, Endpoint = Address + "/v1", Model = "nomic-embed-text", QueryCacheSize = 0,
        })!;

        await encoder.EncodeQueryAsync("hello", CancellationToken.None);
        await encoder.EncodeQueryAsync("hello", CancellationToken.None);

        Assert.Equal(2, _requests.Count);
        Assert.All(_requests, r => Assert.Null(r.Authorization));
        Assert.IsType<EmbeddingSentenceEncoder>(encoder);
        (encoder as IDisposable)?.Dispose();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
