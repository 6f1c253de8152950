using System.Globalization;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.Input;
using SelfServiceBot.Conversation.Replies;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Conversation.Handoff;

/// <summary>
/// A message while a hand-off is open. Waiting: relayed for the agent, with the place in line (or cancelled on request).
/// With a person: relayed, and the bot says nothing. After the hand-back: a 1-5 is the rating. Offline ticket: the
/// message is how to reach the customer. Anything else returns the conversation to the bot.
/// </summary>
internal sealed class LiveHandoffFlow(IHandoffGateway gateway, HandoffFlow handoff)
{
    /// <summary>True when the message was dealt with here and the bot must not answer it.</summary>
    public async Task<bool> HandleAsync(TurnSession session, UserInput input, CancellationToken cancellationToken)
    {
        var state = session.State;
        if (state.HandoffId is not { } id || await gateway.FindAsync(id, cancellationToken) is not { } open)
        {
            state.HandoffId = null;
            return false;
        }
        var texts = HandoffTexts.For(session.Language);
        var text = input.Display;
        switch (open.Status)
        {
            case HandoffStatus.Queued when IsCancel(input):
                await gateway.CancelAsync(id, cancellationToken);
                state.HandoffId = null;
                state.HandoffReference = null;
                await session.SendTextAsync(texts.Cancelled, cancellationToken);
                return true;
            case HandoffStatus.Queued:
                await gateway.AddCustomerMessageAsync(open, text, cancellationToken);
                await handoff.SendPositionAsync(session, open, cancellationToken);
                return true;
            case HandoffStatus.Assigned or HandoffStatus.External:
                await gateway.AddCustomerMessageAsync(open, text, cancellationToken);
                return true;
            case HandoffStatus.Closed when open.RatingPending && Score(input.Text) is { } score:
                await gateway.RateAsync(id, score, cancellationToken);
                Back(state);
                await session.SendTextAsync(texts.Thanks, cancellationToken);
                return true;
            case HandoffStatus.Closed when open.RatingPending:
                await gateway.SkipRatingAsync(id, cancellationToken);
                Back(state);
                return false;
            case HandoffStatus.Offline when state.Stage == DialogStage.AwaitingContact && HandoffPhrases.IsRequest(text):
                // Asking for a person again: the ticket exists; it still needs a way to reach them.
                await session.SendTextAsync(HandoffFlow.Format(texts.OfflineNobody, open.Reference), cancellationToken);
                return true;
            case HandoffStatus.Offline when state.Stage == DialogStage.AwaitingContact:
                state.Stage = DialogStage.Idle;
                Back(state);
                if (IsCancel(input) || Phrases.Matches(Phrases.No, text))
                {
                    await session.SendTextAsync(HandoffFlow.Format(texts.OfflineSkipped, open.Reference), cancellationToken);
                    return true;
                }
                // The ticket keeps what was typed (the team needs it to reach the customer); the transcript, the masked text.
                var typed = input.RawText.Length > 0 ? input.RawText : text;
                await gateway.SetContactDetailsAsync(id, typed, cancellationToken);
                await session.SendAsync(ReplyFactory.Text(HandoffFlow.Format(texts.OfflineConfirmed, open.Reference, typed)),
                    HandoffFlow.Format(texts.OfflineConfirmed, open.Reference, text), cancellationToken);
                return true;
            default:
                Back(state);
                return false;
        }
    }

    // The conversation is the bot's again; the reference stays so the customer can be reminded of it.
    private static void Back(DialogState state)
    {
        state.HandoffId = null;
        state.MessageCount = 0;
    }

    private static bool IsCancel(UserInput input) => input.CardAction == CardActions.CancelHandoff || Phrases.Matches(Phrases.Cancel, input.Text);

    private static int? Score(string text) =>
        int.TryParse(Phrases.Normalize(text), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= HandoffRating.Lowest and <= HandoffRating.Highest ? n : null;
}
