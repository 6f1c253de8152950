using SelfServiceBot.Knowledge.Ranking;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Decisions;

/// <summary>Answer, clarify or no match, from a ranking's calibrated confidences.</summary>
public static class KnowledgeDecisionPolicy
{
    public const int MaxChoices = 3;

    public static KnowledgeResult Decide(RankedResult ranked, Thresholds thresholds)
    {
        if (ranked.Articles.Count == 0 || ranked.Articles[0].Confidence < thresholds.Clarify)
        {
            return KnowledgeResult.NoMatch;
        }
        var best = ranked.Articles[0];
        var runnerUp = ranked.Articles.Count > 1 ? ranked.Articles[1].Confidence : 0;
        var decision = best.Confidence >= thresholds.Answer && best.Confidence - runnerUp >= thresholds.AmbiguityMargin
            ? KnowledgeDecision.Answer
            : KnowledgeDecision.Clarify;
        // A choice must be plausible on its own: half the clarify level keeps "Did you mean" from
        // padding itself with articles that merely share a word.
        var floor = Math.Max(1, thresholds.Clarify / 2);
        var candidates = ranked.Articles
            .Where((a, i) => i == 0 || a.Confidence >= floor)
            .Take(MaxChoices)
            .Select(a => new KnowledgeCandidate(a.Article.Id, a.Article.Title, a.Article.Body, a.Confidence, a.Article.Category, a.Article.Locale))
            .ToList();
        return new KnowledgeResult(decision, candidates);
    }
}
