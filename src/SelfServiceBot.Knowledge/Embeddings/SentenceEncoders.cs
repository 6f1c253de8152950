namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>The encoder the options name, or null when ranking is lexical only.</summary>
public static class SentenceEncoders
{
    public static ISentenceEncoder? Create(EmbeddingOptions options) => options.Provider switch
    {
        EmbeddingProvider.None => null,
        EmbeddingProvider.Local => new EmbeddingSentenceEncoder(new MiniLmEmbeddingGenerator(),
            $"local/{MiniLmEmbeddingGenerator.ModelName}/{MiniLmEmbeddingGenerator.Dimensions}", new HashSet<string> { "en" }),
        _ => throw new NotSupportedException($"Knowledge:Embeddings:Provider {options.Provider} is not supported yet."),
    };
}
