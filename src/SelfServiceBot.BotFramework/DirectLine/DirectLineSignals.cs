using System.Threading.Channels;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// Hands what this instance appends to a conversation's log straight to the conversation's WebSockets open here, so they
/// need not read back what was just written, and carries activities that are only worth anything live (typing), which skip
/// the log. Only a shortcut: sockets also poll the database, which is how they see what other instances append.
/// </summary>
public sealed class DirectLineSignals
{
    private readonly Dictionary<string, List<Channel<DirectLineFeedItem>>> _feeds = new();
    private readonly Lock _lock = new();

    /// <summary>A socket's feed of the conversation; dispose it when the socket closes.</summary>
    public DirectLineFeed Subscribe(string conversationId)
    {
        var channel = Channel.CreateUnbounded<DirectLineFeedItem>();
        lock (_lock)
        {
            if (!_feeds.TryGetValue(conversationId, out var list))
            {
                _feeds[conversationId] = list = [];
            }
            list.Add(channel);
        }
        return new DirectLineFeed(channel.Reader, () =>
        {
            lock (_lock)
            {
                if (_feeds.TryGetValue(conversationId, out var list) && list.Remove(channel) && list.Count == 0)
                {
                    _feeds.Remove(conversationId);
                }
            }
        });
    }

    /// <summary>Entries this instance has just appended to the conversation's log (committed), in sequence order.</summary>
    public void Appended(string conversationId, IReadOnlyList<DirectLineLogEntry> entries) =>
        Publish(conversationId, new DirectLineFeedItem(entries, null));

    /// <summary>A serialized activity that goes only to this instance's open sockets of the conversation (typing).</summary>
    public void PublishLive(string conversationId, string activityJson) =>
        Publish(conversationId, new DirectLineFeedItem(null, activityJson));

    private void Publish(string conversationId, DirectLineFeedItem item)
    {
        lock (_lock)
        {
            if (_feeds.TryGetValue(conversationId, out var list))
            {
                foreach (var channel in list)
                {
                    channel.Writer.TryWrite(item);
                }
            }
        }
    }
}

/// <summary>Either log entries appended on this instance, or one live-only activity's JSON.</summary>
public sealed record DirectLineFeedItem(IReadOnlyList<DirectLineLogEntry>? Appended, string? LiveJson);

/// <summary>A socket's feed, see <see cref="DirectLineSignals.Subscribe"/>.</summary>
public sealed class DirectLineFeed(ChannelReader<DirectLineFeedItem> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<DirectLineFeedItem> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
