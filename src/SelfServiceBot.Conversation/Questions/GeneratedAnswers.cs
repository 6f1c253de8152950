using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SelfServiceBot.AI.Answers;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.Replies;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Conversation.Questions;

/// <summary>
/// Grounded answers (docs/ai.md): when the search found relevant articles, the model composes the reply from the top ones
/// in the customer's language, citing them. Anything short of a usable reply (no model, the feature off, a timeout, an
/// error, a reply without a valid citation) leaves the turn to today's answer; every call is recorded as model_called.
/// </summary>
internal sealed partial class GeneratedAnswers(GroundedAnswerComposer? composer, ChatOptions chat, ILogger<GeneratedAnswers> logger)
{
    public bool Enabled => composer is not null && chat.Enabled(ChatFeature.GroundedAnswers);

    /// <summary>Shows a generated answer and returns the articles it cites (first cited first); empty when nothing was shown.</summary>
    /// <param name="feedback">The "Did this answer your question?" choices for an article, as after today's answer.</param>
    public async Task<IReadOnlyList<KnowledgeCandidate>> TryAnswerAsync(TurnSession session, string question, IReadOnlyList<KnowledgeCandidate> candidates,
        Func<string, IReadOnlyList<Choice>> feedback, CancellationToken cancellationToken)
    {
        if (!Enabled || candidates.Count == 0)
        {
            return [];
        }
        var sources = candidates.Take(composer!.SourceCount).ToList();
        var composed = await session.TypingWhileAsync(() => ComposeAsync(question, session.Language, sources, cancellationToken), cancellationToken);
        session.Events.Add(ConversationEventTypes.ModelCalled,
            data: ModelCallData.For(ModelFeatures.GroundedAnswer, composer.Model, composed.Reply, used: composed.Usable));
        if (!composed.Usable)
        {
            LogNotUsed(composed.Reply.Outcome, composed.Rejection);
            return [];
        }

        var cited = composed.CitedSources.Select(n => new CitedArticle(n, sources[n - 1].ArticleId, sources[n - 1].Title, sources[n - 1].Answer)).ToList();
        var first = sources[composed.CitedSources[0] - 1];
        var texts = session.Texts;
        var sourceLines = string.Join("\n", Citations.Lines(cited));
        await session.SendAsync(
            ReplyFactory.GeneratedAnswer(session.ChannelId, composed.Text!, cited, texts.Sources, texts.AnswerPrompt, feedback(first.ArticleId)),
            [$"{composed.Text}\n{texts.Sources}:\n{sourceLines}", texts.AnswerPrompt], cancellationToken);
        session.Events.Add(ConversationEventTypes.AnswerShown, articleId: first.ArticleId, confidence: first.Confidence, data: new Dictionary<string, object?>
        {
            [EventDataKeys.Category] = first.Category,
            [EventDataKeys.Title] = first.Title,
            [EventDataKeys.Generated] = true,
            [EventDataKeys.CitedArticleIds] = cited.Select(c => c.ArticleId).ToList(),
        });
        return composed.CitedSources.Select(n => sources[n - 1]).ToList();
    }

    // The model never throws for the service's faults; anything else (a bug behind the seam) must not cost the customer
    // today's answer either, so it counts as a failed call.
    private async Task<ComposedAnswer> ComposeAsync(string question, string language, IReadOnlyList<KnowledgeCandidate> sources, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await composer!.ComposeAsync(question, language, sources.Select(c => new AnswerSource(c.ArticleId, c.Title, c.Answer)).ToList(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogComposeFailed(e);
            return new ComposedAnswer(new ChatModelReply(ChatOutcome.Failed, "", 0, 0, Stopwatch.GetElapsedTime(started), e.Message), null, []);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Composing a grounded answer failed; the customer gets the answer without the model")]
    private partial void LogComposeFailed(Exception exception);

    // Never the prompt or the reply: only what went wrong.
    [LoggerMessage(Level = LogLevel.Information, Message = "Grounded answer not used ({Outcome}): {Reason}; the customer gets the answer without the model")]
    private partial void LogNotUsed(ChatOutcome outcome, string? reason);
}
