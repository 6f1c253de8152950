using System.Numerics.Tensors;
using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Engine;

/// <summary>
/// The dense half of hybrid ranking: every phrasing's sentence vector (from <see cref="Embeddings.ISentenceEncoder"/>),
/// the message's nearest phrasing per article by cosine, and the message's vector as input to the classifier beside the
/// word features. Absent when the index is lexical; then nothing here changes a ranking.
/// </summary>
internal sealed partial class LanguageIndex
{
    /// <summary>The phrasings' unit vectors, one row each (phrasing * dimensions), or null when lexical.</summary>
    private readonly float[]? _vectors;
    private readonly int _dimensions;

    /// <summary>Whether messages are ranked with their meaning too, and so need a vector (<see cref="Rank(string, int, float[])"/>).</summary>
    public bool IsHybrid => _vectors is not null;

    /// <summary>The classifier's input size: the word features, then the sentence vector's dimensions.</summary>
    private int ClassifierFeatures => _features.Count + _dimensions;

    private static (float[]? Rows, int Dimensions) Flatten(float[][]? vectors, int phrasings)
    {
        if (vectors is null)
        {
            return (null, 0);
        }
        if (vectors.Length != phrasings)
        {
            throw new InvalidOperationException($"The encoder returned {vectors.Length} vectors for {phrasings} phrasings.");
        }
        var dimensions = phrasings == 0 ? 0 : vectors[0].Length;
        var rows = new float[phrasings * dimensions];
        for (var p = 0; p < phrasings; p++)
        {
            if (vectors[p].Length != dimensions)
            {
                throw new InvalidOperationException($"The encoder returned vectors of {vectors[p].Length} and {dimensions} dimensions.");
            }
            vectors[p].CopyTo(rows, p * dimensions);
        }
        return (rows, dimensions);
    }

    private float[] VectorOf(int phrasing) => _vectors.AsSpan(phrasing * _dimensions, _dimensions).ToArray();

    /// <summary>The words' vector followed by the meaning's: the classifier learns which of both tell articles apart.</summary>
    private SparseVector ClassifierInput(SparseVector words, float[]? meaning)
    {
        if (_vectors is null || meaning is null)
        {
            return words;
        }
        var n = words.Indices.Length;
        var indices = new int[n + _dimensions];
        var values = new float[n + _dimensions];
        words.Indices.CopyTo(indices, 0);
        words.Values.CopyTo(values, 0);
        for (var d = 0; d < _dimensions; d++)
        {
            indices[n + d] = _features.Count + d;
            values[n + d] = _settings.DenseInputWeight * meaning[d];
        }
        return new SparseVector(indices, values);
    }

    /// <summary>Each article's phrasing nearest the message by meaning, and its cosine similarity.</summary>
    private Dictionary<int, (double Similarity, int Phrasing)> NearestByMeaning(float[]? meaning, int excludePhrasing, int excludeArticle)
    {
        var nearest = new Dictionary<int, (double Similarity, int Phrasing)>();
        if (_vectors is null || meaning is null)
        {
            return nearest;
        }
        for (var p = 0; p < Phrasings.Count; p++)
        {
            var article = Phrasings[p].Article;
            if (p == excludePhrasing || article == excludeArticle)
            {
                continue;
            }
            double similarity = TensorPrimitives.Dot(meaning, _vectors.AsSpan(p * _dimensions, _dimensions));
            if (!nearest.TryGetValue(article, out var best) || similarity > best.Similarity)
            {
                nearest[article] = (similarity, p);
            }
        }
        return nearest;
    }
}
