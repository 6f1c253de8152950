using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Engine;

internal sealed partial class LanguageIndex
{
    private const int Folds = 5;

    /// <summary>
    /// Fits the confidence calibration by cross-validation on the knowledge base's own phrasings: each
    /// fold holds out some phrasings, trains a classifier without them, and ranks each held-out phrasing
    /// as if a customer had typed it (its own Lucene document excluded), recording how often each
    /// candidate was right. Small knowledge bases use every fold, so every phrasing is tested once;
    /// large ones one fold of at most <see cref="RankingSettings.MaxCalibrationQuestions"/> phrasings, to
    /// keep indexing fast. Then the classifier is trained on every phrasing for serving.
    /// </summary>
    private void Train()
    {
        var vectors = _phrasingTokens.Select(_features.Vectorize).ToList();
        var labels = Phrasings.Select(p => p.Article).ToList();
        var eligible = Phrasings.Select((p, i) => (p.Article, Index: i)).GroupBy(x => x.Article)
            .Where(g => g.Count() >= 3)
            .SelectMany(g => g.Select((x, n) => (x.Index, Fold: n % Folds)))
            .ToList();
        var folds = eligible.Count <= _settings.MaxCalibrationQuestions * 2 ? Folds : 1;
        var samples = new List<(double[] Features, bool Correct)>();
        for (var fold = 0; fold < folds && Articles.Count > 2; fold++)
        {
            var heldOut = eligible.Where(x => x.Fold == fold).Select(x => x.Index).ToList();
            if (heldOut.Count > _settings.MaxCalibrationQuestions)
            {
                var step = (int)Math.Ceiling(heldOut.Count / (double)_settings.MaxCalibrationQuestions);
                heldOut = heldOut.Where((_, i) => i % step == 0).ToList();
            }
            var excluded = heldOut.ToHashSet();
            var keep = Enumerable.Range(0, Phrasings.Count).Where(i => !excluded.Contains(i)).ToList();
            var partial = SoftmaxClassifier.Train(keep.Select(i => vectors[i]).ToList(), keep.Select(i => labels[i]).ToList(),
                Articles.Count, _features.Count, _settings.Classifier);
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
        }
        _calibrator = ConfidenceCalibrator.Fit(samples);
        _classifier = SoftmaxClassifier.Train(vectors, labels, Articles.Count, _features.Count, _settings.Classifier);
    }
}
