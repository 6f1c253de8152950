using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Engine;

internal sealed partial class LanguageIndex
{
    /// <summary>
    /// Holds one phrasing out of each article that has at least three (up to
    /// <see cref="RankingSettings.MaxCalibrationQuestions"/>), trains a classifier without them, ranks
    /// each held-out phrasing as if a customer had typed it (its own Lucene document excluded), and fits
    /// the confidence calibration to how often each candidate was right. Then trains the classifier on
    /// every phrasing for serving.
    /// </summary>
    private void Train()
    {
        var tokens = Phrasings.Select(p => (IReadOnlyList<string>)Analyzer.Tokens(p.Text)).ToList();
        var vectors = tokens.Select(_features.Vectorize).ToList();
        var labels = Phrasings.Select(p => p.Article).ToList();

        var heldOut = HeldOutPhrasings();
        if (heldOut.Count >= 10 && Articles.Count > 2)
        {
            var keep = Enumerable.Range(0, Phrasings.Count).Where(i => !heldOut.Contains(i)).ToList();
            var partial = SoftmaxClassifier.Train(keep.Select(i => vectors[i]).ToList(), keep.Select(i => labels[i]).ToList(),
                Articles.Count, _features.Count, _settings.Classifier);
            var samples = new List<(double[] Features, bool Correct)>();
            foreach (var p in heldOut)
            {
                var result = Rank(Phrasings[p].Text, 3, p, partial, calibrator: null);
                for (var i = 0; i < result.Articles.Count; i++)
                {
                    var candidate = result.Articles[i];
                    var runnerUp = i == 0 ? (result.Articles.Count > 1 ? result.Articles[1].Score : 0) : result.Articles[0].Score;
                    samples.Add((ConfidenceCalibrator.Features(candidate, runnerUp, result.Terms.Count),
                        candidate.Article.Id == Articles[Phrasings[p].Article].Id));
                }
            }
            _calibrator = ConfidenceCalibrator.Fit(samples);
        }
        _classifier = SoftmaxClassifier.Train(vectors, labels, Articles.Count, _features.Count, _settings.Classifier);
    }

    private HashSet<int> HeldOutPhrasings()
    {
        var byArticle = Phrasings.Select((p, i) => (p.Article, Index: i)).GroupBy(x => x.Article)
            .Where(g => g.Count() >= 3).Select(g => g.Last().Index).ToList();
        var step = Math.Max(1, (int)Math.Ceiling(byArticle.Count / (double)_settings.MaxCalibrationQuestions));
        return byArticle.Where((_, i) => i % step == 0).ToHashSet();
    }
}
