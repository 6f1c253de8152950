using Microsoft.Extensions.AI;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>An <see cref="ISentenceEncoder"/> over any embedding generator; vectors are scaled to unit length.</summary>
public sealed class EmbeddingSentenceEncoder(IEmbeddingGenerator<string, Embedding<float>> generator, string modelId,
    IReadOnlySet<string> languages) : ISentenceEncoder
{
    public string ModelId => modelId;

    public bool Covers(string language) => languages.Contains(language);

    public async Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        return embeddings.Select(e => Normalized(e.Vector.ToArray())).ToArray();
    }

    public async ValueTask<float[]> EncodeQueryAsync(string text, CancellationToken cancellationToken) =>
        (await EncodeAsync([text], cancellationToken))[0];

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
