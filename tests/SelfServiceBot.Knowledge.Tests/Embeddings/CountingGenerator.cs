using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Knowledge.Tests.Embeddings;

/// <summary>
/// An embedding generator that records what it was asked: each text's vector is derived from a hash of it (same text, same
/// vector; another dimension, other vectors), so a test can tell a stored vector from a fresh one.
/// </summary>
internal sealed class CountingGenerator(int dimension) : IEmbeddingGenerator<string, Embedding<float>>
{
    public ConcurrentQueue<string> Texts { get; } = new();
    public ConcurrentQueue<int> Batches { get; } = new();

    public static ISentenceEncoder Encoder(CountingGenerator generator, string modelId, int batchSize = 64) =>
        new EmbeddingSentenceEncoder(generator, modelId, new HashSet<string> { "en" }, batchSize);

    /// <summary>The unit-length vector an encoder over this generator gives the text.</summary>
    public static float[] VectorOf(string text, int dimension)
    {
        var vector = Raw(text, dimension);
        System.Numerics.Tensors.TensorPrimitives.Divide(vector, System.Numerics.Tensors.TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    /// <summary>What the generator returns for the text (not yet unit length).</summary>
    public static float[] Raw(string text, int dimension)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{dimension}:{text}"));
        return Enumerable.Range(0, dimension).Select(i => seed[i % seed.Length] - 127.5f + i).ToArray();
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        Batches.Enqueue(texts.Count);
        foreach (var text in texts)
        {
            Texts.Enqueue(text);
        }
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Raw(t, dimension)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
