using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Diagnostics;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Teams;
using SelfServiceBot.Contracts.Conversations;

namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// The adapter between a transport (/api/messages, Direct Line, tests) and the bot: de-duplicates
/// redelivered activities, normalises channel quirks, runs the bot and its error handler. A redelivery of an activity
/// whose worker died mid-turn finishes the turn (docs/reliability.md).
/// </summary>
public sealed class TurnProcessor(
    IBot bot, IProcessedActivityStore processed, ILogger<TurnProcessor> logger, BotFrameworkMetrics? metrics = null,
    IOptions<TurnClaimOptions>? claimOptions = null, TimeProvider? clock = null)
{
    private static readonly TimeSpan RedeliveryPoll = TimeSpan.FromMilliseconds(200);

    private readonly ConversationLocks _conversations = new();
    private readonly TurnClaimOptions _claims = claimOptions?.Value ?? new TurnClaimOptions();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

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
        var (claimed, refused) = key is { } k ? await ClaimAsync(k, sink, cancellationToken) : (null, null);
        await using var renewing = claimed;
        if (refused is { } outcome)
        {
            return new TurnResult(outcome);
        }
        sink = claimed ?? sink;

        using var inOrder = await _conversations.AcquireAsync(new ConversationKey(activity.ChannelId ?? "", activity.Conversation?.Id ?? ""), cancellationToken);
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

    /// <summary>
    /// Claims the activity; refused when the turn must not run here: already completed (Duplicate), or a live worker still
    /// runs it after <see cref="TurnClaimOptions.RedeliveryWait"/> (Busy: the channel retries later). A claim whose holder
    /// died is taken over, and its replies are not sent again if the holder recorded them as delivered.
    /// </summary>
    private async Task<(ClaimedTurn? Claimed, TurnOutcome? Refused)> ClaimAsync(ActivityKey key, IReplySink sink, CancellationToken cancellationToken)
    {
        using var span = BotFrameworkTelemetry.Source.StartActivity(BotFrameworkTelemetry.ClaimSpan);
        var holder = Guid.NewGuid().ToString("N");
        var waitUntil = _clock.GetUtcNow() + _claims.RedeliveryWait;
        var attempt = await processed.ClaimAsync(key, holder, _claims.Lease, cancellationToken);
        while (attempt.Status == ClaimStatus.Busy && _clock.GetUtcNow() < waitUntil)
        {
            await Task.Delay(RedeliveryPoll, _clock, cancellationToken);
            attempt = await processed.ClaimAsync(key, holder, _claims.Lease, cancellationToken);
        }
        span?.SetTag(BotFrameworkTelemetry.ClaimAcquiredAttribute, attempt.Status == ClaimStatus.Claimed);
        switch (attempt.Status)
        {
            case ClaimStatus.Completed:
                logger.LogInformation("Skipping redelivered activity {ActivityKey}: its turn is done", key);
                return (null, TurnOutcome.Duplicate);
            case ClaimStatus.Busy:
                logger.LogInformation("Redelivered activity {ActivityKey} is still being processed by a live worker", key);
                return (null, TurnOutcome.Busy);
        }
        if (attempt.RepliesSent)
        {
            logger.LogWarning("Finishing activity {ActivityKey} after its worker died; its replies went out and are not sent again", key);
        }
        else if (attempt.TakenOver && !sink.RecordsDelivery)
        {
            logger.LogWarning("Finishing activity {ActivityKey} after its worker died", key);
        }
        else if (attempt.TakenOver)
        {
            // The one window left: the worker may have died after a reply left and before it recorded that (docs/reliability.md).
            logger.LogWarning("Finishing activity {ActivityKey} after its worker died; replies in doubt (not recorded as sent): sending them", key);
        }
        return (new ClaimedTurn(sink, processed, key, holder, attempt.RepliesSent, _claims.Lease, _clock, logger), null);
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
