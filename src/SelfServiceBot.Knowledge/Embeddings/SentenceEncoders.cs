using Microsoft.Extensions.AI;
using SelfServiceBot.AI.Connections;

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

    /// <summary>OpenAI, an OpenAI-compatible server, or Azure OpenAI (<see cref="OpenAIConnection"/>).</summary>
    private static IEmbeddingGenerator<string, Embedding<float>> Service(EmbeddingOptions options) =>
        OpenAIConnection.Client(options.Provider == EmbeddingProvider.AzureOpenAI, options.Endpoint, options.ApiKey,
                TimeSpan.FromSeconds(options.TimeoutSeconds))
            .GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(options.Dimensions);
}
