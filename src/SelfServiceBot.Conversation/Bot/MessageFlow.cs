using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Feedback;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Input;
using SelfServiceBot.Conversation.Questions;
using SelfServiceBot.Conversation.Welcome;
using SelfServiceBot.Data.Privacy;

namespace SelfServiceBot.Conversation.Bot;

/// <summary>A customer's message: report it, work out what it means here, hand it to the flow that deals with it.</summary>
internal sealed class MessageFlow(
    WelcomeFlow welcome, QuestionFlow questions, FeedbackFlow feedback, HandoffFlow handoff, LiveHandoffFlow live, HandoffTriggerOptions options,
    PersonalDataMasker masker)
{
    private const int EventTextLimit = 1000;

    public async Task HandleAsync(TurnSession session, CancellationToken cancellationToken)
    {
        var input = UserInput.From(session.Activity, masker);
        if (input.IsEmpty)
        {
            return;
        }
        // While a hand-off is open every message goes there first (even "restart": a person may be reading).
        var withHandoff = session.State.HandoffId is not null;
        var intent = IntentInterpreter.Interpret(input, session.State);
        if (intent.Kind == IntentKind.Restart && !withHandoff)
        {
            await welcome.RestartAsync(session, cancellationToken);
            return;
        }

        session.StartContact("message");
        var display = input.Display;
        session.Events.Add(ConversationEventTypes.CustomerMessage, text: display.Length <= EventTextLimit ? display : display[..EventTextLimit],
            data: new Dictionary<string, object?> { [EventDataKeys.Intent] = withHandoff ? CustomerMessageIntents.ToAgent : intent.EventName });
        session.RecordCustomerLine(display);
        if (withHandoff && await live.HandleAsync(session, input, cancellationToken))
        {
            return;
        }
        if (intent.Kind == IntentKind.Restart)
        {
            await welcome.RestartAsync(session, cancellationToken);
            return;
        }
        session.State.MessageCount++;
        // A suggested follow-up the customer picks is a new question too (a "Did you mean" pick answers the one asked).
        var asks = intent.Kind == IntentKind.Question || intent.Article?.Via is not null;
        if (asks && options.MessageLimit > 0 && session.State.MessageCount >= options.MessageLimit)
        {
            // A conversation this long is not getting anywhere with the bot.
            await handoff.RequestAsync(session, HandoffReasons.Policy, display, cancellationToken);
            return;
        }

        var task = intent.Kind switch
        {
            IntentKind.Greeting => welcome.SendWelcomeAsync(session, cancellationToken),
            IntentKind.Helpful => feedback.HelpfulAsync(session, cancellationToken),
            IntentKind.NotHelpful => feedback.NotHelpfulAsync(session, cancellationToken),
            IntentKind.AskSomethingElse => feedback.AskSomethingElseAsync(session, cancellationToken),
            IntentKind.PickArticle => questions.ShowAnswerAsync(session, intent.Article!, cancellationToken),
            IntentKind.NoneOfThese => questions.NoAnswerAsync(session, session.State.LastQuestion ?? display, session.Texts.NoneOfTheseReply, cancellationToken),
            IntentKind.AcceptHandoff => handoff.RequestAsync(session, session.State.PendingHandoffReason ?? HandoffReasons.ExplicitRequest,
                session.State.LastQuestion ?? display, cancellationToken),
            IntentKind.RequestHandoff => handoff.RequestAsync(session, HandoffReasons.ExplicitRequest, display, cancellationToken),
            _ => questions.AskAsync(session, input.Text, cancellationToken),
        };
        await task;
    }
}
