using System.Buffers;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Engine;

internal sealed partial class LanguageIndex
{
    private const int ClassifierCandidates = 10;
    private const double ExactMatch = 0.999;

    /// <param name="meaning">The message's sentence vector when the index is hybrid (<see cref="IsHybrid"/>); null ranks by words alone.</param>
    public RankedResult Rank(string text, int max = 10, float[]? meaning = null) =>
        Rank(text, meaning, max, excludePhrasing: -1, excludeArticle: -1, _classifier, _calibrator);

    public IEnumerable<PhrasingCheck> CheckPhrasings() =>
        Phrasings.Select((p, i) => new PhrasingCheck(Articles[p.Article], p.Text,
            Rank(p.Text, IsHybrid ? VectorOf(i) : null, 1, i, excludeArticle: -1, _classifier, _calibrator).Articles.FirstOrDefault()));

    /// <param name="excludePhrasing">A phrasing to leave out (calibration asks held-out phrasings).</param>
    /// <param name="excludeArticle">An article to leave out entirely (calibration's stand-in for a question the knowledge base cannot answer).</param>
    private RankedResult Rank(string text, float[]? meaning, int max, int excludePhrasing, int excludeArticle, SoftmaxClassifier classifier,
        ConfidenceCalibrator? calibrator)
    {
        if (!IsHybrid)
        {
            meaning = null;
        }
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        var terms = new List<string>();
        foreach (var token in Analyzer.Tokens(text))
        {
            var corrected = _typos.Correct(token);
            if (corrected != token)
            {
                corrections[token] = corrected;
            }
            terms.Add(corrected);
        }
        if (terms.Count == 0)
        {
            return RankedResult.Empty;
        }
        var unique = terms.Distinct(StringComparer.Ordinal).ToList();

        var questionScores = new Dictionary<int, (double Score, int Phrasing)>();
        var bodyScores = new Dictionary<int, double>();
        var allScores = new Dictionary<int, double>();
        var scores = ArrayPool<float>.Shared.Rent(_postings.Question.MaxDoc);
        var touched = ArrayPool<int>.Shared.Rent(_postings.Question.MaxDoc);
        var best = ArrayPool<int>.Shared.Rent(_settings.MaxHits);
        try
        {
            Array.Clear(scores, 0, _postings.Question.MaxDoc);
            var count = _postings.Question.Accumulate(unique, scores, touched);
            var kept = FieldPostings.SelectBest(scores, touched, count, _settings.MaxHits, best);
            for (var i = 0; i < kept; i++)
            {
                var doc = best[i];
                var (phrasing, article, score) = (_docPhrasing[doc], _docArticle[doc], scores[doc]);
                if (phrasing == excludePhrasing || article == excludeArticle)
                {
                    continue;
                }
                // The closest phrasing; between equal ones the first, as Lucene ranks them.
                if (!questionScores.TryGetValue(article, out var closest) || score > closest.Score
                    || (score == closest.Score && phrasing < closest.Phrasing))
                {
                    questionScores[article] = (score, phrasing);
                }
            }
            FieldPostings.Clear(scores, touched, count);
            ScoreArticles(_postings.Body, bodyScores);
            if (_settings.AllQuestionsWeight > 0)
            {
                ScoreArticles(_postings.AllQuestions, allScores);
                if (excludePhrasing >= 0 && allScores.ContainsKey(Phrasings[excludePhrasing].Article))
                {
                    // A held-out phrasing is still part of its article's all-phrasings text: score the article without it,
                    // or the calibration would learn from questions that find their own words.
                    var article = Phrasings[excludePhrasing].Article;
                    allScores[article] = _postings.AllQuestions.ScoreWithout(_articleDoc[article], unique, _phrasingTokens[excludePhrasing]);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<int>.Shared.Return(best);
        }

        void ScoreArticles(FieldPostings field, Dictionary<int, double> byArticle)
        {
            var count = field.Accumulate(unique, scores, touched);
            for (var i = 0; i < count; i++)
            {
                byArticle[_docArticle[touched[i]]] = scores[touched[i]];
            }
            FieldPostings.Clear(scores, touched, count);
            byArticle.Remove(excludeArticle);
        }

        var probabilities = ArrayPool<float>.Shared.Rent(Articles.Count);
        try
        {
            var p = probabilities.AsSpan(0, Articles.Count);
            classifier.Probabilities(ClassifierInput(_features.Vectorize(terms), meaning), p);
            if (excludeArticle >= 0)
            {
                var rest = 1 - p[excludeArticle];
                p[excludeArticle] = 0;
                System.Numerics.Tensors.TensorPrimitives.Divide(p, MathF.Max(rest, 1e-6f), p);
            }
            var candidates = new HashSet<int>(questionScores.Keys);
            foreach (var c in TopIndices(p, ClassifierCandidates))
            {
                candidates.Add(c);
            }
            var nearest = NearestByMeaning(meaning, excludePhrasing, excludeArticle);
            foreach (var (article, _) in nearest.OrderByDescending(n => n.Value.Similarity).Take(_settings.DenseCandidates))
            {
                candidates.Add(article);
            }
            candidates.Remove(excludeArticle);
            var ranked = Combine(candidates, questionScores, bodyScores, allScores, nearest, p, unique, keep: Math.Max(max, 2));
            return new RankedResult(WithConfidence(ranked, calibrator, max), terms, corrections);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(probabilities);
        }
    }

    /// <summary>Scores every candidate, then builds the full evidence only for the best <paramref name="keep"/>.</summary>
    private List<RankedArticle> Combine(HashSet<int> candidates, Dictionary<int, (double Score, int Phrasing)> questionScores,
        Dictionary<int, double> bodyScores, Dictionary<int, double> allScores, Dictionary<int, (double Similarity, int Phrasing)> nearest,
        ReadOnlySpan<float> probabilities, List<string> terms, int keep)
    {
        var allMax = allScores.Count > 0 ? allScores.Values.Max() : 0;
        var questionMax = questionScores.Count > 0 ? questionScores.Values.Max(s => s.Score) : 0;
        var bodyMax = bodyScores.Count > 0 ? bodyScores.Values.Max() : 0;
        var scored = new (int Article, double Score)[candidates.Count];
        var n = 0;
        foreach (var a in candidates)
        {
            var lexical = (Relative(questionScores.GetValueOrDefault(a, (0, -1)).Score, questionMax)
                           + _settings.BodyWeight * Relative(bodyScores.GetValueOrDefault(a), bodyMax)
                           + _settings.AllQuestionsWeight * Relative(allScores.GetValueOrDefault(a), allMax))
                          / (1 + _settings.BodyWeight + _settings.AllQuestionsWeight);
            var meaning = nearest.TryGetValue(a, out var near) ? Math.Max(0, near.Similarity) : 0;
            scored[n++] = (a, _settings.BmWeight * lexical + (1 - _settings.BmWeight) * probabilities[a] + _settings.DenseWeight * meaning);
        }
        Array.Sort(scored, (x, y) => y.Score.CompareTo(x.Score) is var c and not 0 ? c : string.CompareOrdinal(Articles[x.Article].Id, Articles[y.Article].Id));

        var termWeight = terms.Sum(Idf);
        var ranked = new List<RankedArticle>(Math.Min(keep, scored.Length));
        foreach (var (a, score) in scored.Take(keep))
        {
            var (questionScore, phrasing) = questionScores.GetValueOrDefault(a, (0, -1));
            var (messageCoverage, phrasingCoverage) = phrasing >= 0 ? Coverage(terms, termWeight, phrasing) : (0, 0);
            var (similarity, densePhrasing) = nearest.GetValueOrDefault(a, (0, -1));
            ranked.Add(new RankedArticle
            {
                Article = Articles[a],
                Score = score,
                QuestionScore = questionScore,
                BodyScore = bodyScores.GetValueOrDefault(a),
                ClassifierProbability = probabilities[a],
                MessageCoverage = messageCoverage,
                PhrasingCoverage = phrasingCoverage,
                ClosestPhrasing = phrasing >= 0 ? Phrasings[phrasing].Text : null,
                DenseSimilarity = similarity,
                DensePhrasing = densePhrasing >= 0 ? Phrasings[densePhrasing].Text : null,
            });
        }
        return ranked;
    }

    private static List<RankedArticle> WithConfidence(List<RankedArticle> ranked, ConfidenceCalibrator? calibrator, int max)
    {
        var top = ranked.Take(max).ToList();
        if (calibrator is null)
        {
            return top;
        }
        for (var i = 0; i < top.Count; i++)
        {
            var rival = i == 0 ? (ranked.Count > 1 ? ranked[1] : null) : ranked[0];
            var features = ConfidenceCalibrator.Features(top[i], rival);
            var confidence = (int)Math.Round(100 * calibrator.Probability(features));
            // The message says exactly what one of the article's phrasings says (same terms, any
            // order): the author wrote this question for this answer, so it is answered as such.
            if (i == 0 && top[i].MessageCoverage >= ExactMatch && top[i].PhrasingCoverage >= ExactMatch)
            {
                confidence = 100;
            }
            top[i] = top[i] with { Confidence = confidence };
        }
        return top;
    }

    private (double Message, double Phrasing) Coverage(List<string> terms, double termWeight, int phrasing)
    {
        var phrasingTerms = _phrasingTerms[phrasing];
        var shared = 0.0;
        foreach (var term in terms)
        {
            shared += phrasingTerms.Contains(term) ? Idf(term) : 0;
        }
        var phrasingWeight = _phrasingWeights[phrasing];
        return (termWeight > 0 ? shared / termWeight : 0, phrasingWeight > 0 ? shared / phrasingWeight : 0);
    }

    /// <summary>IDF over phrasings; a term no phrasing uses weighs like the rarest, since it is what the customer added.</summary>
    private double Idf(string term) => _idf.TryGetValue(term, out var idf) ? idf : _unknownTermIdf;

    private double IdfOf(int documentFrequency) => Math.Log(1 + (double)Phrasings.Count / (documentFrequency + 0.5));

    private static double Relative(double score, double max) => max > 0 ? score / max : 0;

    private static IEnumerable<int> TopIndices(ReadOnlySpan<float> values, int count)
    {
        var top = new List<(float Value, int Index)>(count + 1);
        for (var i = 0; i < values.Length; i++)
        {
            if (top.Count < count || values[i] > top[^1].Value)
            {
                top.Add((values[i], i));
                top.Sort((x, y) => y.Value.CompareTo(x.Value));
                if (top.Count > count)
                {
                    top.RemoveAt(top.Count - 1);
                }
            }
        }
        return top.Select(t => t.Index);
    }
}
