using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// Wakes this instance's open WebSockets as soon as an activity is appended here. Only a shortcut:
/// sockets also poll the database, which is how they see what other instances append.
/// </summary>
public sealed class DirectLineSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
    private readonly Dictionary<string, List<Channel<string>>> _live = new();
    private readonly Lock _liveLock = new();

    /// <summary>
    /// Activities worth something only live (typing) skip the log: they go straight to the sockets of the
    /// conversation open on this instance. Returns the subscription; dispose it when the socket closes.
    /// </summary>
    public LiveActivities SubscribeLive(string conversationId)
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (_liveLock)
        {
            if (!_live.TryGetValue(conversationId, out var list))
            {
                _live[conversationId] = list = [];
            }
            list.Add(channel);
        }
        return new LiveActivities(channel.Reader, () =>
        {
            lock (_liveLock)
            {
                if (_live.TryGetValue(conversationId, out var list) && list.Remove(channel) && list.Count == 0)
                {
                    _live.Remove(conversationId);
                }
            }
        });
    }

    /// <summary>Sends a serialized activity to this instance's open sockets of the conversation.</summary>
    public void PublishLive(string conversationId, string activityJson)
    {
        lock (_liveLock)
        {
            if (_live.TryGetValue(conversationId, out var list))
            {
                foreach (var channel in list)
                {
                    channel.Writer.TryWrite(activityJson);
                }
            }
        }
    }

    /// <summary>A task that completes at the next <see cref="Notify"/> for the conversation. Take it before reading, so no append is missed.</summary>
    public Task NextAsync(string conversationId) =>
        _waiting.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string conversationId)
    {
        if (_waiting.TryRemove(conversationId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    /// <summary>Drops the conversation's pending signal when its socket closes, so idle conversations hold no memory.</summary>
    public void Forget(string conversationId, Task signal)
    {
        if (_waiting.TryGetValue(conversationId, out var waiting) && waiting.Task == signal)
        {
            _waiting.TryRemove(new KeyValuePair<string, TaskCompletionSource>(conversationId, waiting));
        }
    }
}

/// <summary>A socket's feed of live-only activities (JSON), see <see cref="DirectLineSignals.SubscribeLive"/>.</summary>
public sealed class LiveActivities(ChannelReader<string> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<string> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
