using System.Globalization;
using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.Input;
using SelfServiceBot.Conversation.Replies;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Conversation.Handoff;

/// <summary>Passes the customer to <see cref="IHandoffGateway"/> and tells them honestly what happens next.</summary>
internal sealed class HandoffFlow(
    IHandoffGateway gateway, IConversationEvents conversationEvents, IConversationTranscriptStore transcripts, ExternalHandoff external)
{
    public async Task RequestAsync(TurnSession session, string reason, string lastCustomerText, CancellationToken cancellationToken)
    {
        var state = session.State;
        var texts = HandoffTexts.For(session.Language);
        if (state.HandoffId is { } open && await gateway.FindAsync(open, cancellationToken) is { Status: HandoffStatus.Queued } waiting)
        {
            // One request per conversation: asking again must not queue the customer twice.
            state.Stage = DialogStage.Idle;
            await SendPositionAsync(session, waiting, cancellationToken);
            return;
        }

        // The turn's events so far (the customer's message) come before the desk's handoff_requested.
        await session.Events.FlushAsync(conversationEvents, cancellationToken);
        var activity = session.Activity;
        // Read here only: an ordinary turn neither reads nor rewrites the transcript.
        var transcript = await session.ReadTranscriptAsync(transcripts, cancellationToken);
        var reference = activity.GetConversationReference();
        var ticket = await gateway.RequestAsync(new NewHandoff(
            activity.ChannelId ?? "",
            activity.Conversation?.Id ?? "",
            activity.From?.Id,
            reference.User?.Name,
            session.Language,
            reason,
            state.LastCategory,
            lastCustomerText,
            state.LastArticleId,
            state.OfferedArticleIds.Distinct().ToList(),
            JsonSerializer.Serialize(transcript, BotJson.Options),
            JsonSerializer.Serialize(reference, BotJson.Options)), cancellationToken);

        state.HandoffId = ticket.Id;
        state.HandoffReference = ticket.Reference;
        state.PendingHandoffReason = null;
        state.ClarifyOptions = [];
        state.NoMatchCount = 0;
        state.SaidNotHelpful = false;
        // Counting starts again: after the hand-off the next question must not trip the message limit at once.
        state.MessageCount = 0;
        if (ticket.Status == HandoffStatus.External)
        {
            state.Stage = DialogStage.Idle;
            await external.InitiateAsync(session, ticket, reason, transcript, cancellationToken);
            return;
        }
        if (ticket.Status == HandoffStatus.Queued)
        {
            state.Stage = DialogStage.Idle;
            await SendChoiceAsync(session, texts.Position(ticket.Position, ticket.WaitMinutes), texts.CancelAction, cancellationToken);
            // After the reply above, so "Anna has joined" never arrives before "you're number 1 in line".
            await gateway.AssignWaitingAsync(cancellationToken);
            return;
        }
        state.Stage = DialogStage.AwaitingContact;
        await session.SendTextAsync(Format(ticket.OutsideHours ? texts.OfflineClosed : texts.OfflineNobody, ticket.Reference), cancellationToken);
    }

    public async Task SendPositionAsync(TurnSession session, HandoffState handoff, CancellationToken cancellationToken)
    {
        var texts = HandoffTexts.For(session.Language);
        var (position, minutes) = await gateway.PositionAsync(handoff, cancellationToken);
        await SendChoiceAsync(session, texts.Position(position, minutes), texts.CancelAction, cancellationToken);
    }

    private static Task SendChoiceAsync(TurnSession session, string text, string action, CancellationToken cancellationToken) =>
        session.SendChoicesAsync(text, [new Choice(action, new Dictionary<string, object?> { ["action"] = CardActions.CancelHandoff })], cancellationToken);

    internal static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
