using System.Buffers;

namespace SelfServiceBot.Knowledge.Ranking;

/// <summary>
/// Turns analysed tokens into TF-IDF vectors for the classifier. Features: each token (Chinese
/// unigrams and bigrams included), each pair of adjacent Latin tokens ("not receiv" differs from
/// "receiv"), and the character 3- to 5-grams of each Latin token with its boundaries ("&lt;refu"),
/// which is what keeps a typo ("refnud") close to the word it misspells.
/// The vocabulary is the training questions'; features never seen in training are ignored.
/// </summary>
public sealed class FeatureSpace
{
    private readonly Dictionary<string, int> _index;
    private readonly float[] _idf;

    private FeatureSpace(Dictionary<string, int> index, float[] idf)
    {
        _index = index;
        _idf = idf;
    }

    public int Count => _idf.Length;

    public static FeatureSpace Build(IEnumerable<IReadOnlyList<string>> trainingTokens)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var tokens in trainingTokens)
        {
            documents++;
            foreach (var feature in Features(tokens).Distinct())
            {
                documentFrequency[feature] = documentFrequency.GetValueOrDefault(feature) + 1;
            }
        }
        var index = new Dictionary<string, int>(documentFrequency.Count, StringComparer.Ordinal);
        var idf = new float[documentFrequency.Count];
        foreach (var (feature, df) in documentFrequency.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            idf[index.Count] = (float)(Math.Log((1.0 + documents) / (1.0 + df)) + 1.0);
            index[feature] = index.Count;
        }
        return new FeatureSpace(index, idf);
    }

    /// <summary>
    /// The message's vector. Features are looked up as spans of one reused buffer rather than built as
    /// strings (the same features as <see cref="Features"/>, which training uses): ranking a message then
    /// allocates almost nothing here, which keeps garbage collections, and so the latency tail, down.
    /// </summary>
    public SparseVector Vectorize(IReadOnlyList<string> tokens)
    {
        var lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        var counts = new Dictionary<int, int>(tokens.Count * 8);
        var longest = tokens.Count == 0 ? 0 : tokens.Max(t => t.Length);
        var rented = ArrayPool<char>.Shared.Rent(Math.Max(8, 2 * longest + 3));
        try
        {
            var buffer = rented.AsSpan();
            string? previousLatin = null;
            foreach (var token in tokens)
            {
                Count(token);
                if (!IsLatinWord(token))
                {
                    previousLatin = null;
                    continue;
                }
                if (previousLatin is not null)
                {
                    previousLatin.CopyTo(buffer);
                    buffer[previousLatin.Length] = ' ';
                    token.CopyTo(buffer[(previousLatin.Length + 1)..]);
                    Count(buffer[..(previousLatin.Length + 1 + token.Length)]);
                }
                previousLatin = token;
                // "#" then the n-gram of "<token>": the padded token sits at buffer[1..], and each
                // n-gram is copied to just before its start so that "#" can precede it.
                var padded = token.Length + 2;
                for (var n = 3; n <= 5; n++)
                {
                    for (var start = 0; start + n <= padded; start++)
                    {
                        buffer[0] = '#';
                        for (var k = 0; k < n; k++)
                        {
                            var at = start + k;
                            buffer[1 + k] = at == 0 ? '<' : at == padded - 1 ? '>' : token[at - 1];
                        }
                        Count(buffer[..(n + 1)]);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        if (counts.Count == 0)
        {
            return SparseVector.Empty;
        }
        var indices = new int[counts.Count];
        counts.Keys.CopyTo(indices, 0);
        Array.Sort(indices);
        var values = new float[indices.Length];
        double norm = 0;
        for (var k = 0; k < indices.Length; k++)
        {
            // Sub-linear term frequency: saying "order" twice is not twice the evidence.
            values[k] = (float)((1 + Math.Log(counts[indices[k]])) * _idf[indices[k]]);
            norm += values[k] * values[k];
        }
        var scale = (float)(1 / Math.Sqrt(norm));
        for (var k = 0; k < values.Length; k++)
        {
            values[k] *= scale;
        }
        return new SparseVector(indices, values);

        void Count(ReadOnlySpan<char> feature)
        {
            if (lookup.TryGetValue(feature, out var i))
            {
                counts[i] = counts.GetValueOrDefault(i) + 1;
            }
        }
    }

    internal static IEnumerable<string> Features(IReadOnlyList<string> tokens)
    {
        string? previousLatin = null;
        foreach (var token in tokens)
        {
            yield return token;
            if (!IsLatinWord(token))
            {
                previousLatin = null;
                continue;
            }
            if (previousLatin is not null)
            {
                yield return previousLatin + " " + token;
            }
            previousLatin = token;
            var padded = "<" + token + ">";
            for (var n = 3; n <= 5; n++)
            {
                for (var start = 0; start + n <= padded.Length; start++)
                {
                    yield return "#" + padded.Substring(start, n);
                }
            }
        }
    }

    private static bool IsLatinWord(string token) => token.Length > 1 && token.All(char.IsAsciiLetterOrDigit);
}
