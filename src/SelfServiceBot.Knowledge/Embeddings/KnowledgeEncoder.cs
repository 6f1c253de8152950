using Microsoft.Extensions.Options;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>
/// The app's one sentence encoder (<c>Knowledge:Embeddings</c>), made on first use (the local model takes a moment to load)
/// and disposed with the app; null when the provider is None and ranking is lexical only.
/// </summary>
public sealed class KnowledgeEncoder(IOptions<EmbeddingOptions> options) : IDisposable
{
    private readonly Lazy<ISentenceEncoder?> _encoder = new(() => SentenceEncoders.Create(options.Value));

    public ISentenceEncoder? Encoder => _encoder.Value;

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            (_encoder.Value as IDisposable)?.Dispose();
        }
    }
}
