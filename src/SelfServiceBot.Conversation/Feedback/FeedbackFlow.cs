using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Questions;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Data.Conversations;

namespace SelfServiceBot.Conversation.Feedback;

/// <summary>"Did this answer your question?": Yes closes the question, No offers a person.</summary>
internal sealed class FeedbackFlow(QuestionFlow questions)
{
    public async Task HelpfulAsync(TurnSession session, CancellationToken cancellationToken)
    {
        Record(session, helpful: true);
        session.State.Stage = DialogStage.Idle;
        session.State.SaidNotHelpful = false;
        await session.SendTextAsync(session.Texts.Thanks, cancellationToken);
    }

    public async Task NotHelpfulAsync(TurnSession session, CancellationToken cancellationToken)
    {
        Record(session, helpful: false);
        session.State.SaidNotHelpful = true;
        await questions.OfferPersonAsync(session, session.Texts.NotHelpful, cancellationToken, HandoffReasons.NegativeFeedback);
    }

    public async Task AskSomethingElseAsync(TurnSession session, CancellationToken cancellationToken)
    {
        session.State.Stage = DialogStage.Idle;
        session.State.PendingHandoffReason = null;
        await session.SendTextAsync(session.Texts.AskAway, cancellationToken);
    }

    private static void Record(TurnSession session, bool helpful) =>
        session.Events.Add(ConversationEventTypes.Feedback, articleId: session.State.LastArticleId,
            data: new Dictionary<string, object?> { ["helpful"] = helpful });
}
