using System.Globalization;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Data.Conversations;

namespace SelfServiceBot.Conversation.Handoff;

/// <summary>Passes the customer to <see cref="IHandoffGateway"/> and tells them honestly what happens next.</summary>
internal sealed class HandoffFlow(IHandoffGateway gateway)
{
    public async Task RequestAsync(TurnSession session, string reason, string lastCustomerText, CancellationToken cancellationToken)
    {
        var state = session.State;
        if (state.HandoffReference is { } existing)
        {
            // One request per conversation: asking again must not queue the customer twice.
            state.Stage = DialogStage.Idle;
            await session.SendTextAsync(Format(session.Texts.HandoffAlreadyRecorded, existing), cancellationToken);
            return;
        }

        var activity = session.Activity;
        var ticket = await gateway.RequestAsync(new HandoffRequest(
            activity.ChannelId ?? "",
            activity.Conversation?.Id ?? "",
            activity.From?.Id,
            session.Language,
            reason,
            lastCustomerText,
            state.LastArticleId,
            state.Transcript.ToList(),
            activity.GetConversationReference()), cancellationToken);

        session.Events.Add(ConversationEventTypes.HandoffRequested, articleId: state.LastArticleId, reason: reason,
            data: new Dictionary<string, object?> { ["reference"] = ticket.Reference });
        state.HandoffReference = ticket.Reference;
        state.Stage = DialogStage.Idle;
        state.PendingHandoffReason = null;
        state.ClarifyOptions = [];
        await session.SendTextAsync(Format(session.Texts.HandoffRecorded, ticket.Reference), cancellationToken);
    }

    private static string Format(string template, string reference) => string.Format(CultureInfo.InvariantCulture, template, reference);
}
