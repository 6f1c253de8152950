namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>The <c>Knowledge:Embeddings</c> section: which model gives the hybrid ranking its dense evidence.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Knowledge:Embeddings";

    /// <summary>Local (all-MiniLM-L6-v2 in process, English), OpenAI, AzureOpenAI, or None (lexical ranking only).</summary>
    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;
}

public enum EmbeddingProvider
{
    None,
    Local,
    OpenAI,
    AzureOpenAI,
}
