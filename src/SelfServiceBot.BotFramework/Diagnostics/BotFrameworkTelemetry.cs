using System.Diagnostics;

namespace SelfServiceBot.BotFramework.Diagnostics;

/// <summary>
/// The wire protocol's spans: a turn and its claim, reply sends and flushes, Direct Line posts, polls and streams. The
/// source and the meter share <see cref="Name"/>; the host chooses whether anything listens (docs/observability.md).
/// </summary>
public static class BotFrameworkTelemetry
{
    public const string Name = "SelfServiceBot.BotFramework";

    public static readonly ActivitySource Source = new(Name);

    public const string TurnSpan = "ssb.turn";
    public const string ClaimSpan = "ssb.turn.claim";
    public const string ReplySendSpan = "ssb.turn.reply_send";
    public const string ReplyFlushSpan = "ssb.turn.reply_flush";
    public const string DirectLinePostSpan = "ssb.directline.post_activity";
    public const string DirectLinePollSpan = "ssb.directline.poll";
    public const string DirectLineStreamSpan = "ssb.directline.stream";

    /// <summary>The channel id of the activity: msteams, directline, webchat, emulator...</summary>
    public const string ChannelAttribute = "ssb.channel";
    public const string ActivityTypeAttribute = "ssb.activity.type";
    /// <summary>processed, duplicate or failed (<see cref="Pipeline.TurnOutcome"/>).</summary>
    public const string TurnOutcomeAttribute = "ssb.turn.outcome";
    /// <summary>False when another worker holds or finished the activity (a redelivery).</summary>
    public const string ClaimAcquiredAttribute = "ssb.claim.acquired";
    /// <summary>How many activities a Direct Line poll returned.</summary>
    public const string ActivityCountAttribute = "ssb.directline.activity_count";
    /// <summary>OpenTelemetry's general attribute for the class of an error (the exception type).</summary>
    public const string ErrorTypeAttribute = "error.type";

    /// <summary>Marks a span failed the way the semantic conventions ask: status Error and error.type.</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetStatus(ActivityStatusCode.Error);
        activity.SetTag(ErrorTypeAttribute, exception.GetType().FullName);
    }
}
