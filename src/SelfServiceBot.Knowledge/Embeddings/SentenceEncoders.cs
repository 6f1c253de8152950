using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>The encoder the options name (its query vectors cached), or null when ranking is lexical only.</summary>
public static class SentenceEncoders
{
    public static ISentenceEncoder? Create(EmbeddingOptions options)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
        ISentenceEncoder? encoder = options.Provider switch
        {
            EmbeddingProvider.None => null,
            EmbeddingProvider.Local => new EmbeddingSentenceEncoder(new MiniLmEmbeddingGenerator(), options.ModelId(),
                options.LanguagesOrDefault(), options.BatchSize),
            _ => new EmbeddingSentenceEncoder(Service(options), options.ModelId(), options.LanguagesOrDefault(), options.BatchSize,
                new EmbeddingGenerationOptions { Dimensions = options.Dimensions }),
        };
        return encoder is not null && options.QueryCacheSize > 0 ? new CachingSentenceEncoder(encoder, options.QueryCacheSize) : encoder;
    }

    /// <summary>
    /// OpenAI, an OpenAI-compatible server, or Azure OpenAI through its v1 endpoint (the same API under
    /// <c>/openai/v1/</c>, the deployment's name as the model, the key in an <c>api-key</c> header).
    /// </summary>
    private static IEmbeddingGenerator<string, Embedding<float>> Service(EmbeddingOptions options)
    {
        var azure = options.Provider == EmbeddingProvider.AzureOpenAI;
        var client = new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            var endpoint = options.Endpoint.TrimEnd('/');
            if (azure && !endpoint.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase))
            {
                endpoint += "/openai/v1";
            }
            client.Endpoint = new Uri(endpoint + "/");
        }
        if (azure || string.IsNullOrWhiteSpace(options.ApiKey))
        {
            client.AddPolicy(new KeyHeaderPolicy(azure ? options.ApiKey : null), PipelinePosition.BeforeTransport);
        }
        // A compatible server without keys still needs a credential for the client to be built; its header is removed above.
        var credential = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey);
        return new OpenAIClient(credential, client).GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(options.Dimensions);
    }

    /// <summary>Azure's key goes in <c>api-key</c> rather than a bearer token; a server without keys gets no header.</summary>
    private sealed class KeyHeaderPolicy(string? azureKey) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Apply(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Apply(message);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void Apply(PipelineMessage message)
        {
            message.Request.Headers.Remove("Authorization");
            if (azureKey is not null)
            {
                message.Request.Headers.Set("api-key", azureKey);
            }
        }
    }
}
