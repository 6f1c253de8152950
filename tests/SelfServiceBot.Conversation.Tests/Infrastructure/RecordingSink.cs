using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Conversation.Tests.Infrastructure;

/// <summary>The test's stand-in for a channel: replies queue up in order for the assertions to take.</summary>
internal sealed class RecordingSink : IReplySink
{
    private int _count;

    public Queue<Activity> Replies { get; } = new();

    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.Id ??= $"bot-{Interlocked.Increment(ref _count)}";
        // Round-trip through the wire format, so tests see what a channel would receive.
        Replies.Enqueue(BotJson.Clone(activity));
        return Task.FromResult<string?>(activity.Id);
    }
}
