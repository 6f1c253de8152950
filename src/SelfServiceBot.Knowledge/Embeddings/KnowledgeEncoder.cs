using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Diagnostics;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>
/// The app's one sentence encoder (<c>Knowledge:Embeddings</c>), made on first use and disposed with the app; null when the
/// provider is None and ranking is lexical only. Its query cache's hits and misses are counted on the knowledge meter.
/// </summary>
public sealed class KnowledgeEncoder : IDisposable
{
    private readonly Lazy<ISentenceEncoder?> _encoder;

    public KnowledgeEncoder(IOptions<EmbeddingOptions> options, IMeterFactory? meters = null)
        : this(() => SentenceEncoders.Create(options.Value), options.Value.Provider != EmbeddingProvider.None ? meters : null)
    {
    }

    internal KnowledgeEncoder(Func<ISentenceEncoder?> create, IMeterFactory? meters)
    {
        _encoder = new(create);
        if (meters is not null)
        {
            var meter = meters.Create(KnowledgeTelemetry.Name);
            meter.CreateObservableCounter("ssb.knowledge.query_cache.hits", () => Cache?.Hits ?? 0, "{message}",
                "Customer messages whose vector came from the query cache");
            meter.CreateObservableCounter("ssb.knowledge.query_cache.misses", () => Cache?.Misses ?? 0, "{message}",
                "Customer messages the sentence encoder had to encode");
        }
    }

    public ISentenceEncoder? Encoder => _encoder.Value;

    private CachingSentenceEncoder? Cache => _encoder.IsValueCreated ? _encoder.Value as CachingSentenceEncoder : null;

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            (_encoder.Value as IDisposable)?.Dispose();
        }
    }
}
