using Microsoft.Extensions.Logging;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Teams;

namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// The adapter between a transport (/api/messages, Direct Line, tests) and the bot: de-duplicates
/// redelivered activities, normalises channel quirks, runs the bot and its error handler.
/// </summary>
public sealed class TurnProcessor(IBot bot, IProcessedActivityStore processed, ILogger<TurnProcessor> logger)
{
    /// <summary>How long a claim on an activity protects it from a concurrent redelivery.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(60);

    private readonly ConversationLocks _conversations = new();

    public async Task<TurnResult> ProcessAsync(Activity activity, IReplySink sink, CancellationToken cancellationToken)
    {
        var key = KeyOf(activity);
        if (key is { } k && !await processed.TryClaimAsync(k, ClaimLease, cancellationToken))
        {
            logger.LogInformation("Skipping redelivered activity {ActivityKey}", k);
            return new TurnResult(TurnOutcome.Duplicate);
        }

        using var inOrder = await _conversations.AcquireAsync($"{activity.ChannelId}|{activity.Conversation?.Id}", cancellationToken);
        TeamsActivity.RemoveRecipientMention(activity);
        var turn = new TurnContext(activity, sink);
        try
        {
            await bot.OnTurnAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Turn failed in conversation {ConversationId} on {ChannelId}",
                activity.Conversation?.Id, activity.ChannelId);
            try
            {
                await bot.OnTurnErrorAsync(turn, ex, cancellationToken);
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "Turn error handler failed in conversation {ConversationId}", activity.Conversation?.Id);
            }
            if (key is { } failed)
            {
                await processed.CompleteAsync(failed, CancellationToken.None);
            }
            return new TurnResult(TurnOutcome.Failed, turn.InvokeResponse ?? DefaultInvokeResponse(activity, failed: true));
        }

        if (key is { } done)
        {
            await processed.CompleteAsync(done, CancellationToken.None);
        }
        return new TurnResult(TurnOutcome.Processed, turn.InvokeResponse ?? DefaultInvokeResponse(activity, failed: false));
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
