using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Conversations;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Diagnostics;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Localization;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Conversation.Welcome;

namespace SelfServiceBot.Conversation.Bot;

/// <summary>
/// The turn handler: picks what the activity is about, loads the conversation's state from the
/// database, lets the flow run, then saves the state, the turn's events and the activity's claim
/// together. Activities the bot has nothing to say to touch no state at all.
/// </summary>
internal sealed class SupportBot(
    DialogStateStore states,
    IConversationEvents events,
    MessageFlow messages,
    WelcomeFlow welcome,
    ExternalHandoff externalHandoff,
    IHandoffGateway gateway,
    TimeProvider clock,
    IOptions<ConversationOptions> typing,
    ILogger<SupportBot> logger) : IBot
{
    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type == ActivityTypes.Typing && activity.Conversation?.Id is { Length: > 0 } typingIn)
        {
            await gateway.CustomerTypingAsync(activity.ChannelId ?? "", typingIn, cancellationToken);
            return;
        }
        Func<TurnSession, Task>? handle = activity.Type switch
        {
            ActivityTypes.Message => s => messages.HandleAsync(s, cancellationToken),
            ActivityTypes.Event when WelcomeFlow.IsJoin(activity) => s => welcome.OnJoinedAsync(s, "join", cancellationToken),
            ActivityTypes.Event when ExternalHandoff.IsStatus(activity) => s => externalHandoff.OnStatusAsync(s, cancellationToken),
            ActivityTypes.ConversationUpdate when WelcomeFlow.IsUserJoined(activity) => s => welcome.OnJoinedAsync(s, "members_added", cancellationToken),
            ActivityTypes.EndOfConversation => EndAsync,
            _ => null,
        };
        if (handle is null || KeyOf(activity) is not { } key)
        {
            return;
        }

        var (state, version) = await LoadAsync(key, cancellationToken);
        var session = new TurnSession(turn, state, clock, typing.Value.TypingDelay);
        try
        {
            await handle(session);
        }
        catch
        {
            // What the customer did before the failure (their message) still happened.
            await session.Events.FlushAsync(events, CancellationToken.None);
            throw;
        }
        // The customer reads the answer while the turn is saved (a Direct Line reply waits for the end of the turn otherwise);
        // on the Bot Connector it went out when it was sent. A crash now loses the turn's state and events, not its answer.
        await turn.FlushRepliesAsync(cancellationToken);
        // State, events, transcript lines and the claim's completion in one transaction: a crash leaves all of the turn or none of it.
        using (var write = ConversationTelemetry.Source.StartActivity(ConversationTelemetry.TurnWriteSpan))
        {
            var pending = session.Events.TakePending();
            write?.SetTag(ConversationTelemetry.EventCountAttribute, pending.Count);
            var conflict = await states.SaveTurnAsync(key, session.State, version, pending, session.NewTranscriptLines, turn.Claim, cancellationToken);
            write?.SetTag(ConversationTelemetry.StateConflictAttribute, conflict);
        }
        turn.ClaimCompleted = turn.Claim is not null;
    }

    private async Task<(DialogState State, int? Version)> LoadAsync(string key, CancellationToken cancellationToken)
    {
        using var span = ConversationTelemetry.Source.StartActivity(ConversationTelemetry.StateReadSpan);
        return await states.LoadAsync(key, cancellationToken);
    }

    public async Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var key = KeyOf(activity);
        logger.LogWarning("Resetting the dialog state of {ConversationKey} after a failed turn", key);
        try
        {
            if (key is not null)
            {
                await states.DeleteAsync(key, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not reset the dialog state of {ConversationKey}", key);
        }
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.ConversationUpdate)
        {
            var language = Language.Resolve(activity.Locale, null);
            await turn.SendActivityAsync(new Activity { Text = BotTexts.For(language).Error, Locale = language }, cancellationToken);
        }
    }

    private static Task EndAsync(TurnSession session)
    {
        session.Events.Add(ConversationEventTypes.ConversationEnded, reason: session.Activity.Code is { Length: > 0 } code ? code : "end_of_conversation");
        session.ResetState();
        return Task.CompletedTask;
    }

    /// <summary>The ConversationStateRecord key (<see cref="ConversationKey"/>), or null when the activity names no conversation.</summary>
    internal static string? KeyOf(Activity activity) => ConversationKey.From(activity.ChannelId, activity.Conversation?.Id)?.ToString();
}
