namespace SelfServiceBot.Knowledge.Ranking;

/// <summary>
/// Turns an article's evidence into a probability that it is the right answer: a logistic regression
/// over a few features (<see cref="Features"/>), fitted on questions held out from the knowledge base
/// itself when the index is built. So "confidence 70" means "on held-out questions of this knowledge
/// base, evidence like this picked the right article about 70% of the time", whatever the size of the
/// knowledge base, instead of a raw score that moves when articles are added.
/// </summary>
public sealed class ConfidenceCalibrator
{
    public const int FeatureCount = 7;

    private readonly double[] _weights;
    private readonly double[] _mean;
    private readonly double[] _scale;

    private ConfidenceCalibrator(double[] weights, double[] mean, double[] scale)
    {
        _weights = weights;
        _mean = mean;
        _scale = scale;
    }

    /// <summary>Used when there is nothing to learn from (a knowledge base of one or two articles).</summary>
    public static ConfidenceCalibrator Uncalibrated { get; } =
        new([3, 2, 2, 2, 2, 0, 0, -5], new double[FeatureCount], Enumerable.Repeat(1.0, FeatureCount).ToArray());

    /// <summary>Every feature is evidence for the article, never against: the fitted weights are kept non-negative.</summary>
    /// <remarks>
    /// Absolute evidence only: the ranking score's BM25 part is relative to the best article (always
    /// near 1 for the winner, even when the winner shares only "什么" with the message), so it ranks
    /// well but says nothing about whether the best is good enough.
    /// </remarks>
    public static double[] Features(RankedArticle candidate, RankedArticle? rival) =>
    [
        candidate.ClassifierProbability,
        candidate.ClassifierProbability - (rival?.ClassifierProbability ?? 0),
        candidate.MessageCoverage,
        candidate.PhrasingCoverage,
        candidate.MessageCoverage * candidate.PhrasingCoverage,
        // Meaning (hybrid ranking only; 0 when lexical, which leaves the lexical calibration exactly as it was): how close
        // the nearest phrasing is, and how much closer than the rival's.
        candidate.DenseSimilarity,
        candidate.DenseSimilarity - (rival?.DenseSimilarity ?? 0),
    ];

    public double Probability(double[] features)
    {
        var z = _weights[FeatureCount];
        for (var i = 0; i < FeatureCount; i++)
        {
            z += _weights[i] * (features[i] - _mean[i]) / _scale[i];
        }
        return 1 / (1 + Math.Exp(-z));
    }

    public void Save(BinaryWriter writer)
    {
        foreach (var value in _weights.Concat(_mean).Concat(_scale))
        {
            writer.Write(value);
        }
    }

    public static ConfidenceCalibrator Load(BinaryReader reader)
    {
        double[] Read(int n) => Enumerable.Range(0, n).Select(_ => reader.ReadDouble()).ToArray();
        var weights = Read(FeatureCount + 1);
        var mean = Read(FeatureCount);
        return new ConfidenceCalibrator(weights, mean, Read(FeatureCount));
    }

    /// <summary>Fits on weighted samples: a weight says how many real questions one sample stands for.</summary>
    public static ConfidenceCalibrator Fit(IReadOnlyList<(double[] Features, bool Correct, double Weight)> samples)
    {
        if (samples.Count < 10 || samples.All(s => s.Correct) || samples.All(s => !s.Correct))
        {
            return Uncalibrated;
        }
        var total = samples.Sum(s => s.Weight);
        var mean = new double[FeatureCount];
        var scale = new double[FeatureCount];
        for (var i = 0; i < FeatureCount; i++)
        {
            mean[i] = samples.Sum(s => s.Weight * s.Features[i]) / total;
            var variance = samples.Sum(s => s.Weight * Math.Pow(s.Features[i] - mean[i], 2)) / total;
            scale[i] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }
        var weights = new double[FeatureCount + 1];
        var gradient = new double[FeatureCount + 1];
        var model = new ConfidenceCalibrator(weights, mean, scale);
        // Full-batch gradient descent on a convex loss: deterministic, and a few hundred steps over
        // six features take milliseconds. The small L2 keeps separable data from running away.
        for (var step = 0; step < 400; step++)
        {
            Array.Clear(gradient);
            foreach (var (features, correct, weight) in samples)
            {
                var error = weight * (model.Probability(features) - (correct ? 1 : 0));
                for (var i = 0; i < FeatureCount; i++)
                {
                    gradient[i] += error * (features[i] - mean[i]) / scale[i];
                }
                gradient[FeatureCount] += error;
            }
            for (var i = 0; i <= FeatureCount; i++)
            {
                var l2 = i < FeatureCount ? 1e-3 * weights[i] : 0;
                weights[i] -= 0.5 * (gradient[i] / total + l2);
                // Monotone: more coverage or a higher score never lowers confidence, even where the
                // held-out questions were too few to say so (a projected gradient step).
                if (i < FeatureCount && weights[i] < 0)
                {
                    weights[i] = 0;
                }
            }
        }
        return model;
    }
}
