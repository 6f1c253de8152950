using SelfServiceBot.Knowledge.Ranking;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Decisions;

/// <summary>Answer, clarify or no match, from a ranking's calibrated confidences.</summary>
public static class KnowledgeDecisionPolicy
{
    public const int MaxChoices = 3;
    private const double FullCoverage = 0.999;

    public static KnowledgeResult Decide(RankedResult ranked, Thresholds thresholds)
    {
        // A choice must be plausible on its own: half the clarify level keeps "Did you mean" from
        // padding itself with articles that merely share a word.
        var floor = Math.Max(1, thresholds.Clarify / 2);
        var shortAndOnTopic = ranked.Articles.Count > 0 && IsShortAndOnTopic(ranked);
        if (ranked.Articles.Count == 0 || ranked.Articles[0].Confidence < floor
            || (ranked.Articles[0].Confidence < thresholds.Clarify && !shortAndOnTopic))
        {
            return KnowledgeResult.NoMatch;
        }
        var best = ranked.Articles[0];
        var runnerUp = ranked.Articles.Count > 1 ? ranked.Articles[1].Confidence : 0;
        var decision = best.Confidence >= thresholds.Answer && best.Confidence - runnerUp >= thresholds.AmbiguityMargin
            ? KnowledgeDecision.Answer
            : KnowledgeDecision.Clarify;
        // A topic word alone ("return") says nothing about which of its articles is meant, so every article
        // with a phrasing that holds the whole message is as plausible as its rank, whatever its confidence.
        var candidates = ranked.Articles
            .Where((a, i) => i == 0 || a.Confidence >= floor
                             || (decision == KnowledgeDecision.Clarify && shortAndOnTopic && a.MessageCoverage >= FullCoverage))
            .Take(MaxChoices)
            .Select(a => new KnowledgeCandidate(a.Article.Id, a.Article.Title, a.Article.Body, a.Confidence, a.Article.Category, a.Article.Locale))
            .ToList();
        return new KnowledgeResult(decision, candidates);
    }

    /// <summary>
    /// "return", "delivery": a message of one to three words, all of them words the knowledge base uses,
    /// cannot be answered with confidence but is plainly on topic, so the closest articles are offered
    /// rather than "I couldn't find an answer". Words under four letters ("no", "ok") do not count as a topic.
    /// </summary>
    private static bool IsShortAndOnTopic(RankedResult ranked)
    {
        var terms = ranked.Terms.Distinct(StringComparer.Ordinal).ToList();
        return ranked.Articles[0].MessageCoverage >= FullCoverage && terms.Count <= 3
               && terms.Any(t => t.Length >= 4 || t.Any(Analysis.ScriptOf.IsHan));
    }
}
