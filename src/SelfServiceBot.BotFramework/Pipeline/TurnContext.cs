using SelfServiceBot.BotFramework.Diagnostics;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Pipeline;

internal sealed class TurnContext(Activity activity, IReplySink sink, ActivityKey? claim) : ITurnContext
{
    private int _sent;

    public Activity Activity { get; } = activity;

    public ActivityKey? Claim { get; } = claim;

    public bool ClaimCompleted { get; set; }

    public InvokeResponse? InvokeResponse { get; set; }

    public int SentCount => Volatile.Read(ref _sent);

    public async Task FlushRepliesAsync(CancellationToken cancellationToken = default)
    {
        using var span = BotFrameworkTelemetry.Source.StartActivity(BotFrameworkTelemetry.ReplyFlushSpan);
        await sink.FlushAsync(cancellationToken);
    }

    public async Task<string?> SendActivityAsync(Activity outgoing, CancellationToken cancellationToken = default)
    {
        // Fill in the addressing the bot left out, so handlers only say what to send.
        var template = Activity.CreateReply();
        outgoing.Type ??= ActivityTypes.Message;
        outgoing.From ??= template.From;
        outgoing.Recipient ??= template.Recipient;
        outgoing.Conversation ??= template.Conversation;
        outgoing.ChannelId ??= template.ChannelId;
        outgoing.ServiceUrl ??= template.ServiceUrl;
        outgoing.Locale ??= template.Locale;
        if (outgoing.Type != ActivityTypes.Typing)
        {
            outgoing.ReplyToId ??= Activity.Id;
        }
        Interlocked.Increment(ref _sent);
        using var span = BotFrameworkTelemetry.Source.StartActivity(BotFrameworkTelemetry.ReplySendSpan);
        span?.SetTag(BotFrameworkTelemetry.ActivityTypeAttribute, outgoing.Type);
        return await sink.SendAsync(outgoing, cancellationToken);
    }
}
