using System.Diagnostics;
using SelfServiceBot.Knowledge.Decisions;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Ranking;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Evaluation;

/// <summary>Runs evaluation cases through an engine and the decision policy, and counts what happened.</summary>
public static class EvaluationRunner
{
    public static async Task<EvaluationReport> RunAsync(KnowledgeEngine engine, IReadOnlyList<EvaluationCase> cases, Thresholds thresholds,
        string defaultLocale, bool sweep, double indexMs, Action<int, int>? progress = null)
    {
        var rankings = new RankedResult[cases.Count];
        var latencies = new double[cases.Count];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < cases.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            rankings[i] = await engine.RankAsync(cases[i].Text, cases[i].Locale ?? defaultLocale);
            KnowledgeDecisionPolicy.Decide(rankings[i], thresholds);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            progress?.Invoke(i + 1, cases.Count);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var inScope = cases.Count(c => c.Expected is not null);
        var top1 = 0;
        var top3 = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i].Expected is { } expected)
            {
                var ids = rankings[i].Articles.Select(a => a.Article.Id).ToList();
                top1 += ids.Take(1).Contains(expected) ? 1 : 0;
                top3 += ids.Take(3).Contains(expected) ? 1 : 0;
            }
        }
        var outcome = Outcomes(cases, rankings, thresholds);
        Array.Sort(latencies);
        return new EvaluationReport
        {
            Cases = cases.Count,
            InScope = inScope,
            OutOfScope = cases.Count - inScope,
            Top1 = Ratio(top1, inScope),
            Top3 = Ratio(top3, inScope),
            AnsweredCorrect = outcome.AnsweredCorrect,
            WrongAnswer = outcome.WrongAnswer,
            Clarify = outcome.Clarify,
            ClarifyHit = outcome.ClarifyHit,
            OosHandoff = outcome.OosHandoff,
            Reachable = outcome.Reachable,
            OosClarify = outcome.OosClarify,
            P50Ms = Math.Round(Percentile(latencies, 0.50), 3),
            P99Ms = Math.Round(Percentile(latencies, 0.99), 3),
            IndexMs = Math.Round(indexMs, 1),
            AnswerThreshold = thresholds.Answer,
            ClarifyThreshold = thresholds.Clarify,
            Articles = engine.ArticleCount,
            Locales = cases.GroupBy(c => c.Locale ?? defaultLocale, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            Calibration = Calibration(cases, rankings),
            Sweep = sweep
                ? Enumerable.Range(0, 101).Select(t =>
                {
                    var o = Outcomes(cases, rankings, thresholds with { Answer = t, Clarify = Math.Min(thresholds.Clarify, t) });
                    return new SweepPoint(t, o.AnsweredCorrect, o.WrongAnswer, o.Clarify, o.OosHandoff);
                }).ToList()
                : null,
            Failures = Failures(cases, rankings, thresholds),
            AllocatedKbPerMessage = cases.Count == 0 ? 0 : Math.Round(allocated / 1024.0 / cases.Count, 1),
        };
    }

    private static List<EvaluationFailure> Failures(IReadOnlyList<EvaluationCase> cases, RankedResult[] rankings, Thresholds thresholds)
    {
        var failures = new List<EvaluationFailure>();
        for (var i = 0; i < cases.Count; i++)
        {
            var expected = cases[i].Expected;
            var result = KnowledgeDecisionPolicy.Decide(rankings[i], thresholds);
            var ids = rankings[i].Articles.Select(a => a.Article.Id).ToList();
            var rankedFirst = ids.Count > 0 && ids[0] == expected;
            var answeredOther = result.Decision == KnowledgeDecision.Answer && result.Best!.ArticleId != expected;
            var givenUp = expected is not null && result.Decision == KnowledgeDecision.NoMatch;
            if (rankedFirst && !answeredOther && !givenUp || expected is null && !answeredOther)
            {
                continue;
            }
            var rank = expected is null ? -1 : ids.IndexOf(expected);
            failures.Add(new EvaluationFailure(cases[i].Text, expected, result.Decision.ToString().ToLowerInvariant(),
                rank < 0 ? null : rank + 1,
                rankings[i].Articles.Take(3).Select(a => new EvaluationCandidate(a.Article.Id, a.Confidence)).ToList()));
        }
        return failures;
    }

    private static (double? AnsweredCorrect, double? WrongAnswer, double? Clarify, double? ClarifyHit, double? OosHandoff, double? Reachable,
        double? OosClarify) Outcomes(IReadOnlyList<EvaluationCase> cases, RankedResult[] rankings, Thresholds thresholds)
    {
        int inScope = 0, outOfScope = 0, answeredCorrect = 0, wrong = 0, clarified = 0, clarifiedInScope = 0, clarifyHit = 0, oosNotAnswered = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var expected = cases[i].Expected;
            var result = KnowledgeDecisionPolicy.Decide(rankings[i], thresholds);
            _ = expected is null ? outOfScope++ : inScope++;
            switch (result.Decision)
            {
                case KnowledgeDecision.Answer when result.Best!.ArticleId == expected:
                    answeredCorrect++;
                    break;
                case KnowledgeDecision.Answer:
                    wrong++;
                    break;
                case KnowledgeDecision.Clarify:
                    clarified++;
                    if (expected is not null)
                    {
                        clarifiedInScope++;
                        clarifyHit += result.Candidates.Any(c => c.ArticleId == expected) ? 1 : 0;
                    }
                    break;
            }
            if (expected is null && result.Decision != KnowledgeDecision.Answer)
            {
                oosNotAnswered++;
            }
        }
        return (Ratio(answeredCorrect, inScope), Ratio(wrong, cases.Count), Ratio(clarified, cases.Count),
            Ratio(clarifyHit, clarifiedInScope), Ratio(oosNotAnswered, outOfScope), Ratio(answeredCorrect + clarifyHit, inScope),
            Ratio(clarified - clarifiedInScope, outOfScope));
    }

    private static List<CalibrationBin> Calibration(IReadOnlyList<EvaluationCase> cases, RankedResult[] rankings)
    {
        var bins = new List<CalibrationBin>();
        for (var from = 0; from < 100; from += 10)
        {
            var to = from == 90 ? 101 : from + 10;
            var inBin = Enumerable.Range(0, cases.Count)
                .Where(i => cases[i].Expected is not null && rankings[i].Articles.Count > 0
                            && rankings[i].Articles[0].Confidence >= from && rankings[i].Articles[0].Confidence < to)
                .ToList();
            var right = inBin.Count(i => rankings[i].Articles[0].Article.Id == cases[i].Expected);
            bins.Add(new CalibrationBin(from, Math.Min(to, 100), inBin.Count, Ratio(right, inBin.Count)));
        }
        return bins;
    }

    private static double? Ratio(int numerator, int denominator) =>
        denominator == 0 ? null : Math.Round((double)numerator / denominator, 4);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
