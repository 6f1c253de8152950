using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// Holds a turn's replies and appends them to the Direct Line log together when the bot flushes them or the turn ends (one
/// transaction and one socket frame instead of one per reply), where the client's socket or poll picks them up. Typing goes out at once: it is
/// only worth anything live. Anything else written into the conversation meanwhile first flushes what is held here
/// (<see cref="DirectLineChannel.AppendFromBotAsync"/>), so the conversation reads in the order things were said.
/// With <paramref name="replyKeys"/> (the inbound activity's id, when its turn may run again after a crash) the n-th reply
/// is logged once however often the turn runs.
/// </summary>
public sealed class DirectLineReplySink(DirectLineChannel channel, string conversationId, bool replyToVisible = true, string? replyKeys = null) : IReplySink
{
    private readonly List<(Activity Activity, string? Key)> _held = [];
    private int _replies;
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <returns>Null for a held reply: its id (conversation and sequence number) is given when it is appended.</returns>
    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!replyToVisible)
        {
            activity.ReplyToId = null;
        }
        channel.StampFromBot(conversationId, activity);
        if (activity.Type == ActivityTypes.Typing)
        {
            await channel.AppendAsync(conversationId, [activity], cancellationToken);
            return activity.Id;
        }
        lock (_held)
        {
            _held.Add((activity, replyKeys is null ? null : $"{replyKeys}#reply-{++_replies}"));
            channel.Holding(conversationId, this);
        }
        return null;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            (Activity, string?)[] batch;
            lock (_held)
            {
                batch = [.. _held];
            }
            if (batch.Length == 0)
            {
                return;
            }
            // Kept until they are in the log: if the append fails, the error handler's flush tries them again with its apology.
            await channel.AppendAsync(conversationId, batch, cancellationToken);
            lock (_held)
            {
                _held.RemoveRange(0, batch.Length);
                if (_held.Count == 0)
                {
                    channel.Released(conversationId, this);
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    // With reply keys the log takes each reply once, however often the turn runs: nothing to record. Without them the turn
    // takes no claim at all.
    public bool RecordsDelivery => false;

    /// <summary>After the turn: replies that could not be appended (the database failed) are not kept waiting for ever.</summary>
    internal int Drop()
    {
        lock (_held)
        {
            var dropped = _held.Count;
            _held.Clear();
            channel.Released(conversationId, this);
            return dropped;
        }
    }
}
