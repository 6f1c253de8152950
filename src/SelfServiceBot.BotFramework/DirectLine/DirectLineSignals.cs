using System.Collections.Concurrent;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// Wakes this instance's open WebSockets as soon as an activity is appended here. Only a shortcut:
/// sockets also poll the database, which is how they see what other instances append.
/// </summary>
public sealed class DirectLineSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

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
