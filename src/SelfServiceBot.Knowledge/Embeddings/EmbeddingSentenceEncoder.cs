using Microsoft.Extensions.AI;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>
/// An <see cref="ISentenceEncoder"/> over any embedding generator; vectors are scaled to unit length. Many texts go to the
/// generator in batches of <paramref name="batchSize"/>, the size a service accepts in one request.
/// </summary>
public sealed class EmbeddingSentenceEncoder(IEmbeddingGenerator<string, Embedding<float>> generator, string modelId,
    IReadOnlySet<string> languages, int batchSize = 64, EmbeddingGenerationOptions? generationOptions = null) : ISentenceEncoder, IDisposable
{
    public string ModelId => modelId;

    public bool Covers(string language) => languages.Contains(language);

    public async Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(Math.Max(1, batchSize)))
        {
            var embeddings = await generator.GenerateAsync(batch, generationOptions, cancellationToken);
            if (embeddings.Count != batch.Length)
            {
                throw new InvalidOperationException($"The embedding model {modelId} returned {embeddings.Count} vectors for {batch.Length} texts.");
            }
            vectors.AddRange(embeddings.Select(e => Normalized(e.Vector.ToArray())));
        }
        return vectors.ToArray();
    }

    public async ValueTask<float[]> EncodeQueryAsync(string text, CancellationToken cancellationToken) =>
        (await EncodeAsync([text], cancellationToken))[0];

    public void Dispose() => generator.Dispose();

    private static float[] Normalized(float[] vector)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }
        return vector;
    }
}
