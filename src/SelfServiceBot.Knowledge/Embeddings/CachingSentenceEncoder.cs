using System.Text;

namespace SelfServiceBot.Knowledge.Embeddings;

/// <summary>
/// Keeps the vectors of the last <c>capacity</c> customer messages, least recently used out first: support traffic repeats
/// itself ("where is my order"), and a cached message skips the model. Messages are the same when they differ only in case
/// or spacing. The phrasings (<see cref="EncodeAsync"/>) pass through: the vector store keeps those.
/// </summary>
public sealed class CachingSentenceEncoder : ISentenceEncoder, IDisposable
{
    private readonly ISentenceEncoder _inner;
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, float[] Vector)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, float[] Vector)> _recency = new();
    private readonly Lock _lock = new();
    private long _hits;
    private long _misses;

    public CachingSentenceEncoder(ISentenceEncoder inner, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner;
        _capacity = capacity;
    }

    public string ModelId => _inner.ModelId;

    public ISentenceEncoder Inner => _inner;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool Covers(string language) => _inner.Covers(language);

    public Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        _inner.EncodeAsync(texts, cancellationToken);

    public async ValueTask<float[]> EncodeQueryAsync(string text, CancellationToken cancellationToken)
    {
        var key = Normalize(text);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                Interlocked.Increment(ref _hits);
                return node.Value.Vector;
            }
        }
        Interlocked.Increment(ref _misses);
        // Encoded outside the lock: two requests with the same new message may both encode it, which costs less than
        // making every other message wait.
        var vector = await _inner.EncodeQueryAsync(key, cancellationToken);
        lock (_lock)
        {
            if (!_entries.ContainsKey(key))
            {
                _entries[key] = _recency.AddFirst((key, vector));
                if (_entries.Count > _capacity)
                {
                    _entries.Remove(_recency.Last!.Value.Key);
                    _recency.RemoveLast();
                }
            }
        }
        return vector;
    }

    /// <summary>Trimmed, runs of white space as one space, case folded.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
