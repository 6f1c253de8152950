using Microsoft.Extensions.Options;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// Counts the open WebSocket streams of each conversation on this instance, up to
/// <see cref="DirectLineLimitsOptions.StreamsPerConversation"/>: every open stream reads the database on each poll
/// interval, so one token must not be able to open them by the thousand.
/// </summary>
public sealed class DirectLineStreamSlots(IOptions<DirectLineLimitsOptions> options)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => options.Value.StreamsPerConversation;

    /// <summary>A slot to dispose when the stream ends, or null when the conversation already has its limit open.</summary>
    public IDisposable? TryTake(string conversationId)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(conversationId);
            if (Limit > 0 && open >= Limit)
            {
                return null;
            }
            _open[conversationId] = open + 1;
        }
        return new Slot(this, conversationId);
    }

    private void Release(string conversationId)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(conversationId) - 1;
            if (open <= 0)
            {
                _open.Remove(conversationId);
            }
            else
            {
                _open[conversationId] = open;
            }
        }
    }

    private sealed class Slot(DirectLineStreamSlots slots, string conversationId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release(conversationId);
            }
        }
    }
}
