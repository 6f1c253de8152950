using SelfServiceBot.AI.Chat;
using SelfServiceBot.AI.FollowUps;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Conversation.Questions;

/// <summary>
/// Follow-up questions (docs/ai.md): before a search, a message that leans on the previous exchanges is rewritten by the
/// model into a standalone question. Only when a model rewrites follow-ups (<paramref name="rewriter"/> is registered) and
/// this contact already had a question: the first question costs no call and no wait. The customer_message event keeps the
/// text as written and gets <c>rewritten</c>; every call records one model_called event.
/// </summary>
internal sealed class FollowUpQuestions(FollowUpRewriter? rewriter = null)
{
    private const int QuestionLimit = 300;
    private const int AnswerLimit = 200;
    // As customer_message's own text (MessageFlow): an event row holds a line, not a page.
    private const int EventTextLimit = 1000;

    /// <summary>What to search for <paramref name="question"/>: the rewrite when there is a usable one, else the question itself.</summary>
    public async Task<string> StandaloneAsync(TurnSession session, string question, CancellationToken cancellationToken)
    {
        if (rewriter is null || session.State.RecentExchanges is not { Count: > 0 } recent)
        {
            return question;
        }
        var rewrite = await rewriter.RewriteAsync(recent.Select(e => new FollowUpExchange(e.Question, e.Answer)).ToList(),
            question, session.Language, cancellationToken);
        session.Events.Add(ConversationEventTypes.ModelCalled,
            data: ModelCallData.For(ModelFeatures.FollowUp, rewriter.Model, rewrite.Reply, rewrite.Used));
        if (rewrite.Changed)
        {
            session.Events.AddData(ConversationEventTypes.CustomerMessage, EventDataKeys.Rewritten, Clip(rewrite.Question, EventTextLimit));
        }
        return rewrite.Question;
    }

    /// <summary>Remembers the search and what it found, for rewriting the next follow-up (only while follow-ups are rewritten).</summary>
    public void Remember(TurnSession session, string searched, KnowledgeResult result)
    {
        if (rewriter is null)
        {
            return;
        }
        var offered = result.Decision switch
        {
            KnowledgeDecision.Answer when result.Best is { } best => $"{best.Title} {FirstLine(best.Answer)}",
            KnowledgeDecision.Clarify => "Did you mean: " + string.Join(" / ", result.Candidates.Select(c => c.Title)),
            _ => "(no answer found)",
        };
        session.State.Exchanged(new RecentExchange(Clip(searched, QuestionLimit), Clip(offered, AnswerLimit)));
    }

    private static string FirstLine(string answer) =>
        answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    private static string Clip(string text, int limit) => text.Length <= limit ? text : text[..limit];
}
