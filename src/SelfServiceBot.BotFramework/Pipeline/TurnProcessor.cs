using Microsoft.Extensions.Logging;
using SelfServiceBot.BotFramework.Diagnostics;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Teams;

namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// The adapter between a transport (/api/messages, Direct Line, tests) and the bot: de-duplicates
/// redelivered activities, normalises channel quirks, runs the bot and its error handler.
/// </summary>
public sealed class TurnProcessor(IBot bot, IProcessedActivityStore processed, ILogger<TurnProcessor> logger, BotFrameworkMetrics? metrics = null)
{
    /// <summary>How long a claim on an activity protects it from a concurrent redelivery.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(60);

    private readonly ConversationLocks _conversations = new();

    /// <param name="mayBeRedelivered">
    /// False when the transport stamped the activity's id itself a moment ago (the local Direct Line numbers what its
    /// clients post): nobody can deliver that id again, so the turn takes no claim and writes no completion.
    /// </param>
    public async Task<TurnResult> ProcessAsync(Activity activity, IReplySink sink, CancellationToken cancellationToken, bool mayBeRedelivered = true)
    {
        // The turn's span is the parent of everything the turn does (claim, state, search, replies, the write).
        using var span = BotFrameworkTelemetry.Source.StartActivity(BotFrameworkTelemetry.TurnSpan);
        if (span is not null)
        {
            span.SetTag(BotFrameworkTelemetry.ChannelAttribute, activity.ChannelId);
            span.SetTag(BotFrameworkTelemetry.ActivityTypeAttribute, activity.Type);
        }
        var result = await RunAsync(activity, sink, span, mayBeRedelivered, cancellationToken);
        span?.SetTag(BotFrameworkTelemetry.TurnOutcomeAttribute, BotFrameworkMetrics.OutcomeName(result.Outcome));
        metrics?.TurnDone(activity.ChannelId, result.Outcome);
        return result;
    }

    private async Task<TurnResult> RunAsync(Activity activity, IReplySink sink, System.Diagnostics.Activity? span, bool mayBeRedelivered, CancellationToken cancellationToken)
    {
        var key = mayBeRedelivered ? KeyOf(activity) : null;
        if (key is { } k && !await ClaimAsync(k, cancellationToken))
        {
            logger.LogInformation("Skipping redelivered activity {ActivityKey}", k);
            return new TurnResult(TurnOutcome.Duplicate);
        }

        using var inOrder = await _conversations.AcquireAsync($"{activity.ChannelId}|{activity.Conversation?.Id}", cancellationToken);
        TeamsActivity.RemoveRecipientMention(activity);
        var turn = new TurnContext(activity, sink, key);
        try
        {
            await bot.OnTurnAsync(turn, cancellationToken);
            await turn.FlushRepliesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            BotFrameworkTelemetry.Fail(span, ex);
            logger.LogError(ex, "Turn failed in conversation {ConversationId} on {ChannelId}",
                activity.Conversation?.Id, activity.ChannelId);
            try
            {
                await bot.OnTurnErrorAsync(turn, ex, cancellationToken);
                await sink.FlushAsync(CancellationToken.None);
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "Turn error handler failed in conversation {ConversationId}", activity.Conversation?.Id);
            }
            await CompleteAsync(turn);
            return new TurnResult(TurnOutcome.Failed, turn.InvokeResponse ?? DefaultInvokeResponse(activity, failed: true));
        }

        await CompleteAsync(turn);
        return new TurnResult(TurnOutcome.Processed, turn.InvokeResponse ?? DefaultInvokeResponse(activity, failed: false));
    }

    private async Task<bool> ClaimAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        using var span = BotFrameworkTelemetry.Source.StartActivity(BotFrameworkTelemetry.ClaimSpan);
        var claimed = await processed.TryClaimAsync(key, ClaimLease, cancellationToken);
        span?.SetTag(BotFrameworkTelemetry.ClaimAcquiredAttribute, claimed);
        return claimed;
    }

    private async Task CompleteAsync(TurnContext turn)
    {
        if (turn.Claim is { } claim && !turn.ClaimCompleted)
        {
            await processed.CompleteAsync(claim, CancellationToken.None);
        }
    }

    // Typing is live only and harmless twice: no claim (two writes) for it.
    private static ActivityKey? KeyOf(Activity activity) =>
        activity.Type == ActivityTypes.Typing || string.IsNullOrEmpty(activity.Id) || string.IsNullOrEmpty(activity.Conversation?.Id)
            ? null
            : new ActivityKey(activity.ChannelId ?? "", activity.Conversation.Id, activity.Id);

    // An invoke the bot did not answer is "not implemented", as in the Bot Framework SDK.
    private static InvokeResponse? DefaultInvokeResponse(Activity activity, bool failed) =>
        activity.Type != ActivityTypes.Invoke ? null : new InvokeResponse(failed ? 500 : 501, null);
}
