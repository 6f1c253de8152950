namespace SelfServiceBot.Knowledge.Ranking;

/// <summary>
/// Multinomial logistic regression over <see cref="FeatureSpace"/> vectors, one class per article,
/// trained on the knowledge base's own questions (no downloaded model). It learns which words tell
/// articles apart, which BM25 alone cannot: "card" is in many banking questions, "arrive" is the word
/// that says the card has not come. Trained by stochastic gradient descent with AdaGrad steps and L2
/// regularisation, in a fixed order, so the same knowledge base always gives the same model.
/// </summary>
public sealed class SoftmaxClassifier
{
    private readonly float[] _weights; // feature-major: [feature * classes + class]
    private readonly float[] _bias;

    private SoftmaxClassifier(int classes, float[] weights, float[] bias)
    {
        Classes = classes;
        _weights = weights;
        _bias = bias;
    }

    public int Classes { get; }

    public static SoftmaxClassifier Train(IReadOnlyList<SparseVector> examples, IReadOnlyList<int> labels, int classes,
        int features, ClassifierSettings settings)
    {
        var weights = new float[(long)features * classes];
        var bias = new float[classes];
        var gradSquares = new float[weights.Length];
        var biasSquares = new float[classes];
        var model = new SoftmaxClassifier(classes, weights, bias);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(17);
        var probabilities = new float[classes];
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var e in order)
            {
                var x = examples[e];
                if (x.IsEmpty)
                {
                    continue;
                }
                model.Probabilities(x, probabilities);
                probabilities[labels[e]] -= 1; // gradient of the log loss w.r.t. the scores
                for (var c = 0; c < classes; c++)
                {
                    var g = probabilities[c];
                    biasSquares[c] += g * g;
                    bias[c] -= settings.LearningRate * g / MathF.Sqrt(biasSquares[c] + 1e-6f);
                }
                for (var k = 0; k < x.Indices.Length; k++)
                {
                    var row = (long)x.Indices[k] * classes;
                    var value = x.Values[k];
                    for (var c = 0; c < classes; c++)
                    {
                        var i = row + c;
                        var g = probabilities[c] * value + settings.L2 * weights[i];
                        gradSquares[i] += g * g;
                        weights[i] -= settings.LearningRate * g / MathF.Sqrt(gradSquares[i] + 1e-6f);
                    }
                }
            }
        }
        return model;
    }

    /// <summary>Writes P(class | x) for every class into <paramref name="output"/>.</summary>
    public void Probabilities(SparseVector x, Span<float> output)
    {
        _bias.CopyTo(output);
        for (var k = 0; k < x.Indices.Length; k++)
        {
            var row = (long)x.Indices[k] * Classes;
            var value = x.Values[k];
            var weights = _weights.AsSpan((int)row, Classes);
            for (var c = 0; c < Classes; c++)
            {
                output[c] += weights[c] * value;
            }
        }
        var max = float.NegativeInfinity;
        foreach (var s in output)
        {
            max = MathF.Max(max, s);
        }
        float sum = 0;
        for (var c = 0; c < output.Length; c++)
        {
            output[c] = MathF.Exp(output[c] - max);
            sum += output[c];
        }
        for (var c = 0; c < output.Length; c++)
        {
            output[c] /= sum;
        }
    }
}

public sealed record ClassifierSettings(int Epochs = 8, float LearningRate = 0.5f, float L2 = 1e-5f);
