namespace SelfServiceBot.Knowledge.Ranking;

/// <summary>
/// The fuzzy fallback: a Latin query term the knowledge base never uses is replaced by the most
/// frequent term within one edit (two for long words; transpositions count as one), so "refnud"
/// still finds "refund". Known terms are never touched, and Chinese terms are left alone (typos there
/// are wrong homophones, which the character unigrams and bigrams already tolerate).
/// </summary>
public sealed class TypoCorrector(IReadOnlyDictionary<string, int> vocabulary)
{
    private readonly string[] _terms = vocabulary.Keys.Where(t => t.Length >= 3 && t.All(char.IsAsciiLetter)).Order(StringComparer.Ordinal).ToArray();

    public string Correct(string token)
    {
        if (token.Length < 4 || vocabulary.ContainsKey(token) || !token.All(char.IsAsciiLetter))
        {
            return token;
        }
        var maxEdits = token.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var term in _terms)
        {
            if (Math.Abs(term.Length - token.Length) > maxEdits)
            {
                continue;
            }
            var distance = EditDistance(token, term, maxEdits);
            if (distance > maxEdits)
            {
                continue;
            }
            var frequency = vocabulary[term];
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
            {
                (best, bestDistance, bestFrequency) = (term, distance, frequency);
            }
        }
        return best ?? token;
    }

    /// <summary>Optimal string alignment distance, giving up (returning max + 1) once it exceeds <paramref name="max"/>.</summary>
    internal static int EditDistance(string a, string b, int max)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max)
            {
                return max + 1;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
