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
    /// True when what the sink delivered (after <see cref="FlushAsync"/>) has reached the customer before the turn ends, so a
    /// crash later must not send it again; false when replies only leave with the HTTP response (expectReplies).
    /// </summary>
    bool DeliversBeforeTurnEnds => true;
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
    public bool DeliversBeforeTurnEnds => false;
}
