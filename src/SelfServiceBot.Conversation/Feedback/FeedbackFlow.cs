using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.Diagnostics;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Questions;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Conversation.Feedback;

/// <summary>
/// "Did this answer your question?": Yes closes the question and suggests the article's related questions (as question
/// answering's follow-up prompts do), No offers a person.
/// </summary>
internal sealed class FeedbackFlow(QuestionFlow questions, IKnowledgeSearch search, HandoffTriggerOptions options, ConversationMetrics metrics)
{
    /// <summary>Follow-up questions suggested after an answer helped, at most.</summary>
    private const int MaxRelated = 3;

    public async Task HelpfulAsync(TurnSession session, CancellationToken cancellationToken)
    {
        Record(session, helpful: true);
        metrics.Deflected();
        var state = session.State;
        state.Stage = DialogStage.Idle;
        state.SaidNotHelpful = false;
        // Not a topic that always goes to a person (Handoff:AlwaysHumanCategories): asked for, it would get no answer either.
        var related = state.LastArticleId is { } answered
            ? (await search.RelatedAsync(answered, session.Language, int.MaxValue, cancellationToken))
                .Where(a => !AlwaysHuman(a.Category)).Take(MaxRelated).ToList()
            : [];
        if (related.Count == 0)
        {
            await session.SendTextAsync(session.Texts.Thanks, cancellationToken);
            return;
        }
        await questions.SuggestAsync(session, session.Texts.Thanks, related, "related", cancellationToken);
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

    private bool AlwaysHuman(string category) => options.AlwaysHumanCategories.Contains(category, StringComparer.OrdinalIgnoreCase);

    private static void Record(TurnSession session, bool helpful) =>
        session.Events.Add(ConversationEventTypes.Feedback, articleId: session.State.LastArticleId,
            data: new Dictionary<string, object?> { [EventDataKeys.Helpful] = helpful });
}
