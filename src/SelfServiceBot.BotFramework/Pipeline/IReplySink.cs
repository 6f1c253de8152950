using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// Where a turn's outgoing activities go: the Bot Connector of the inbound serviceUrl, the local
/// Direct Line log, an expectReplies buffer, or a test queue. Returns the id the channel assigned, or null when the
/// channel assigns it only when the sink delivers the reply (<see cref="FlushAsync"/>).
/// </summary>
public interface IReplySink
{
    Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers what the sink still holds. The pipeline calls it when the bot's turn (or its error handler) is done, before the
    /// next turn of the conversation may start: a sink may hold a turn's replies and deliver them together (the local
    /// Direct Line appends them to its log in one transaction).
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// True when the pipeline must record that the replies went out (after <see cref="FlushAsync"/>) so a worker finishing
    /// the turn after a crash does not repeat them: they reach the customer before the turn ends and the channel cannot tell
    /// a repeat (the Bot Connector). False when they leave with the HTTP response, after the turn (expectReplies), or the
    /// channel takes each reply of a turn once by itself (the local Direct Line's log).
    /// </summary>
    bool RecordsDelivery => true;
}

/// <summary>Collects replies in memory: used for deliveryMode expectReplies and for tests.</summary>
public sealed class BufferedReplySink : IReplySink
{
    private readonly List<Activity> _activities = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<Activity> Activities
    {
        get { lock (_lock) { return _activities.ToArray(); } }
    }

    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            activity.Id ??= $"reply-{_activities.Count + 1}";
            _activities.Add(activity);
        }
        return Task.FromResult<string?>(activity.Id);
    }

    // The replies go out in the HTTP response, after the turn: a crash before it means the customer never saw them.
    public bool RecordsDelivery => false;
}
