namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>
/// The dense half of hybrid ranking: text to unit-length vectors with one embedding model, behind
/// Microsoft.Extensions.AI's <c>IEmbeddingGenerator</c> (the local MiniLM encoder, or a configured service).
/// The engine asks it for the knowledge base's phrasings when an index is built and for each customer message.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>
    /// Names the model and its dimension (e.g. <c>local/all-MiniLM-L6-v2/384</c>): vectors stored under another id are
    /// embedded again, and an index built with another encoder is rebuilt.
    /// </summary>
    string ModelId { get; }

    /// <summary>Whether the model understands this language (<c>en</c>, <c>zh</c>); the others stay lexical.</summary>
    bool Covers(string language);

    /// <summary>Vectors of many texts, in their order (the phrasings, when an index is built).</summary>
    Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>A customer's message.</summary>
    ValueTask<float[]> EncodeQueryAsync(string text, CancellationToken cancellationToken);
}
