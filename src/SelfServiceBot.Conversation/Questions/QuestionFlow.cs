using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.Diagnostics;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Input;
using SelfServiceBot.Conversation.Replies;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Conversation.Questions;

/// <summary>A question goes to the knowledge base: answer it, ask "Did you mean", or admit defeat and offer a person.</summary>
internal sealed class QuestionFlow(IKnowledgeSearch search, HandoffFlow handoff, HandoffTriggerOptions options, ConversationMetrics metrics, GeneratedAnswers generated)
{
    public async Task AskAsync(TurnSession session, string question, CancellationToken cancellationToken)
    {
        var state = session.State;
        state.LastQuestion = question;
        var result = await session.TypingWhileAsync(() => search.SearchAsync(question, session.Language, cancellationToken), cancellationToken);
        state.LastCategory = result.Best?.Category ?? state.LastCategory;
        if (result.Decision != KnowledgeDecision.NoMatch && result.Best is { } topic
            && options.AlwaysHumanCategories.Contains(topic.Category, StringComparer.OrdinalIgnoreCase))
        {
            state.LastCategory = topic.Category;
            metrics.Decided(ConversationTelemetry.AlwaysHuman, session.Language);
            await handoff.RequestAsync(session, HandoffReasons.Policy, question, cancellationToken);
            return;
        }
        metrics.Decided(Knowledge.Diagnostics.KnowledgeTelemetry.DecisionName(result.Decision), session.Language);
        if (result.Decision == KnowledgeDecision.NoMatch)
        {
            await NoAnswerAsync(session, question, session.Texts.NoMatch, cancellationToken);
            return;
        }
        state.NoMatchCount = 0;
        // With a model, the answer is composed from the top articles; when it cannot be, the customer gets today's reply.
        if (await generated.TryAnswerAsync(session, question, result.Candidates, FeedbackChoices(session), cancellationToken) is [var first, ..] cited)
        {
            AwaitFeedback(session, first.ArticleId, first.Category, cited.Select(c => c.ArticleId));
            return;
        }
        switch (result.Decision)
        {
            case KnowledgeDecision.Answer:
                var best = result.Candidates[0];
                await ShowAnswerAsync(session, new ClarifyOption(best.ArticleId, best.Title, best.Answer, best.Confidence, best.Category), cancellationToken);
                break;
            case KnowledgeDecision.Clarify:
                await ClarifyAsync(session, result.Candidates, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// The bot failed to help again: after a "No" that hands off (negative_feedback), and so does the configured number
    /// of failures in a row (low_confidence); otherwise the customer is offered a person.
    /// </summary>
    public async Task NoAnswerAsync(TurnSession session, string question, string message, CancellationToken cancellationToken)
    {
        var state = session.State;
        state.NoMatchCount++;
        if (state.SaidNotHelpful)
        {
            await handoff.RequestAsync(session, HandoffReasons.NegativeFeedback, question, cancellationToken);
        }
        else if (options.NoMatchLimit > 0 && state.NoMatchCount >= options.NoMatchLimit)
        {
            await handoff.RequestAsync(session, HandoffReasons.LowConfidence, question, cancellationToken);
        }
        else
        {
            await OfferPersonAsync(session, message, cancellationToken);
        }
    }

    public async Task ShowAnswerAsync(TurnSession session, ClarifyOption article, CancellationToken cancellationToken)
    {
        var texts = session.Texts;
        var feedback = FeedbackChoices(session)(article.ArticleId);
        await session.SendAsync(ReplyFactory.Answer(session.ChannelId, article.Title, article.Answer, texts.AnswerPrompt, feedback),
            [article.Answer, texts.AnswerPrompt], cancellationToken);
        // A suggested follow-up was not searched for: no confidence, and the event says how it came.
        var data = new Dictionary<string, object?> { [EventDataKeys.Category] = article.Category, [EventDataKeys.Title] = article.Title };
        if (article.Via is { } via)
        {
            data[EventDataKeys.Via] = via;
        }
        session.Events.Add(ConversationEventTypes.AnswerShown, articleId: article.ArticleId, confidence: article.Via is null ? article.Confidence : null, data: data);
        AwaitFeedback(session, article.ArticleId, article.Category, [article.ArticleId]);
    }

    /// <summary>An answer was shown: its feedback is awaited for <paramref name="articleId"/> (a generated one's first cited).</summary>
    private static void AwaitFeedback(TurnSession session, string articleId, string category, IEnumerable<string> shown)
    {
        var state = session.State;
        state.Stage = DialogStage.AwaitingFeedback;
        state.LastArticleId = articleId;
        state.LastCategory = category;
        state.Offered(shown);
        state.ClarifyOptions = [];
        state.PendingHandoffReason = null;
    }

    private static Func<string, IReadOnlyList<Choice>> FeedbackChoices(TurnSession session) => articleId =>
        [new(session.Texts.Yes, Feedback(true, articleId)), new(session.Texts.No, Feedback(false, articleId))];

    public async Task OfferPersonAsync(TurnSession session, string message, CancellationToken cancellationToken, string reason = HandoffReasons.LowConfidence)
    {
        var texts = session.Texts;
        await session.SendChoicesAsync(message,
        [
            new Choice(texts.TalkToPerson, Action(CardActions.Handoff)),
            new Choice(texts.AskSomethingElse, Action(CardActions.AskElse)),
        ], cancellationToken);
        session.State.Stage = DialogStage.AwaitingHandoffChoice;
        session.State.ClarifyOptions = [];
        session.State.PendingHandoffReason = reason;
    }

    /// <summary>
    /// Articles offered without a question (<paramref name="via"/>, e.g. the related questions after an answer helped): one
    /// click shows one, as in "Did you mean"; typing anything else is a new question.
    /// </summary>
    public async Task SuggestAsync(TurnSession session, string prompt, IReadOnlyList<KnowledgeCandidate> articles, string via, CancellationToken cancellationToken)
    {
        var options = articles.Select(c => new ClarifyOption(c.ArticleId, c.Title, c.Answer, c.Confidence, c.Category, via)).ToList();
        await session.SendChoicesAsync(prompt, options.Select(o => new Choice(o.Title, Pick(o.ArticleId))).ToList(), cancellationToken);
        session.State.Stage = DialogStage.AwaitingClarification;
        session.State.ClarifyOptions = options;
        session.State.Offered(options.Select(o => o.ArticleId));
    }

    private static async Task ClarifyAsync(TurnSession session, IReadOnlyList<KnowledgeCandidate> candidates, CancellationToken cancellationToken)
    {
        var options = candidates.Select(c => new ClarifyOption(c.ArticleId, c.Title, c.Answer, c.Confidence, c.Category)).ToList();
        var choices = options
            .Select(o => new Choice(o.Title, Pick(o.ArticleId)))
            .Append(new Choice(session.Texts.NoneOfThese, Action(CardActions.ClarifyNone)))
            .ToList();
        await session.SendChoicesAsync(session.Texts.DidYouMean, choices, cancellationToken);
        session.Events.Add(ConversationEventTypes.ClarifyShown, confidence: options[0].Confidence, data: new Dictionary<string, object?>
        {
            [EventDataKeys.ArticleIds] = options.Select(o => o.ArticleId).ToList(),
            [EventDataKeys.Confidences] = options.Select(o => o.Confidence).ToList(),
        });
        session.State.Stage = DialogStage.AwaitingClarification;
        session.State.ClarifyOptions = options;
        session.State.Offered(options.Select(o => o.ArticleId));
    }

    private static Dictionary<string, object?> Feedback(bool helpful, string articleId) =>
        new() { ["action"] = CardActions.Feedback, ["helpful"] = helpful, ["articleId"] = articleId };

    private static Dictionary<string, object?> Action(string action) => new() { ["action"] = action };

    private static Dictionary<string, object?> Pick(string articleId) => new() { ["action"] = CardActions.Clarify, ["articleId"] = articleId };
}
