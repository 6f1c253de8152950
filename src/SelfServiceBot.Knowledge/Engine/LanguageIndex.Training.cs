using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Engine;

internal sealed partial class LanguageIndex
{
    private const int Folds = 5;
    private const int ModelFormat = 2;

    private void SaveModel(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(ModelFormat);
        writer.Write(ClassifierFeatures);
        _classifier.Save(writer);
        _calibrator.Save(writer);
    }

    /// <summary>False (and the caller trains) when the file is missing, from another format, or does not fit the index.</summary>
    private bool TryLoadModel(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != ModelFormat || reader.ReadInt32() != ClassifierFeatures)
            {
                return false;
            }
            var classifier = SoftmaxClassifier.Load(reader);
            if (classifier.Classes != Articles.Count)
            {
                return false;
            }
            (_classifier, _calibrator) = (classifier, ConfidenceCalibrator.Load(reader));
            return true;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException)
        {
            return false;
        }
    }

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
        var vectors = _phrasingTokens.Select((tokens, i) => ClassifierInput(_features.Vectorize(tokens), IsHybrid ? VectorOf(i) : null)).ToList();
        var labels = Phrasings.Select(p => p.Article).ToList();
        var eligible = Phrasings.Select((p, i) => (p.Article, Index: i)).GroupBy(x => x.Article)
            .Where(g => g.Count() >= 3)
            .SelectMany(g => g.Select((x, n) => (x.Index, Fold: n % Folds)))
            .ToList();
        var folds = eligible.Count <= _settings.MaxCalibrationQuestions * 2 ? Folds : 1;
        // The serving classifier does not depend on the calibration: train it on the other core meanwhile.
        var serving = Task.Run(() => SoftmaxClassifier.Train(vectors, labels, Articles.Count, ClassifierFeatures, _settings.Classifier));
        var samples = new List<(double[] Features, bool Correct, double Weight)>();
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
                Articles.Count, ClassifierFeatures, _settings.Classifier);
            foreach (var p in heldOut)
            {
                var expected = Phrasings[p].Article;
                var meaning = IsHybrid ? VectorOf(p) : null;
                var result = Rank(Phrasings[p].Text, meaning, 3, p, excludeArticle: -1, partial, calibrator: null);
                for (var i = 0; i < result.Articles.Count; i++)
                {
                    var candidate = result.Articles[i];
                    var rival = i == 0 ? (result.Articles.Count > 1 ? result.Articles[1] : null) : result.Articles[0];
                    samples.Add((ConfidenceCalibrator.Features(candidate, rival), candidate.Article.Id == Articles[expected].Id, 1));
                }
                // The same question with its article removed from the knowledge base: whatever comes
                // first is wrong. This is what an unanswerable question in the same domain looks like,
                // which held-out phrasings alone never show the calibration.
                var withoutArticle = Rank(Phrasings[p].Text, meaning, 2, p, expected, partial, calibrator: null);
                if (withoutArticle.Articles.Count > 0)
                {
                    var rival = withoutArticle.Articles.Count > 1 ? withoutArticle.Articles[1] : null;
                    samples.Add((ConfidenceCalibrator.Features(withoutArticle.Articles[0], rival), false, _settings.UnanswerableWeight));
                }
            }
        }
        _calibrator = ConfidenceCalibrator.Fit(samples);
        _classifier = serving.GetAwaiter().GetResult();
    }
}
