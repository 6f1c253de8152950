using SelfServiceBot.Conversation.Feedback;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Input;
using SelfServiceBot.Conversation.Questions;
using SelfServiceBot.Conversation.Welcome;
using SelfServiceBot.Data.Conversations;

namespace SelfServiceBot.Conversation.Bot;

/// <summary>A customer's message: report it, work out what it means here, hand it to the flow that deals with it.</summary>
internal sealed class MessageFlow(WelcomeFlow welcome, QuestionFlow questions, FeedbackFlow feedback, HandoffFlow handoff)
{
    private const int EventTextLimit = 1000;

    public async Task HandleAsync(TurnSession session, CancellationToken cancellationToken)
    {
        var input = UserInput.From(session.Activity);
        if (input.IsEmpty)
        {
            return;
        }
        var intent = IntentInterpreter.Interpret(input, session.State);
        if (intent.Kind == IntentKind.Restart)
        {
            await welcome.RestartAsync(session, cancellationToken);
            return;
        }

        session.StartContact("message");
        var display = input.Display;
        session.Events.Add(ConversationEventTypes.CustomerMessage, text: display.Length <= EventTextLimit ? display : display[..EventTextLimit]);
        session.RecordCustomerLine(display);

        var task = intent.Kind switch
        {
            IntentKind.Greeting => welcome.SendWelcomeAsync(session, cancellationToken),
            IntentKind.Helpful => feedback.HelpfulAsync(session, cancellationToken),
            IntentKind.NotHelpful => feedback.NotHelpfulAsync(session, cancellationToken),
            IntentKind.AskSomethingElse => feedback.AskSomethingElseAsync(session, cancellationToken),
            IntentKind.PickArticle => questions.ShowAnswerAsync(session, intent.Article!, cancellationToken),
            IntentKind.NoneOfThese => questions.OfferPersonAsync(session, session.Texts.NoneOfTheseReply, cancellationToken),
            IntentKind.AcceptHandoff => handoff.RequestAsync(session, session.State.PendingHandoffReason ?? HandoffReasons.ExplicitRequest,
                session.State.LastQuestion ?? display, cancellationToken),
            IntentKind.RequestHandoff => handoff.RequestAsync(session, HandoffReasons.ExplicitRequest, display, cancellationToken),
            _ => questions.AskAsync(session, input.Text, cancellationToken),
        };
        await task;
    }
}
