using System.Collections.Concurrent;
using SelfServiceBot.Knowledge.Analysis;

namespace SelfServiceBot.Knowledge.Ranking;

/// <summary>
/// The fuzzy fallback: a Latin query term the knowledge base never uses is replaced by the most
/// frequent known term within one edit (two for words of nine letters or more; a transposition counts as
/// one), so "refnud" still finds "refund". Known terms are never touched; short words are left alone
/// (at four letters one edit turns most words into other words).
/// <para>
/// Chinese typos are wrong homophones: a pinyin input method offers every character of the syllables typed, and the
/// customer picks the wrong one (包果 for 包裹, 取笑 for 取消). So a two-character term the knowledge base never uses is
/// replaced by the most frequent known two-character term that sounds the same (the same toneless pinyin,
/// <see cref="Pinyin"/>). Single characters are left alone: too many share a sound.
/// </para>
/// </summary>
public sealed class TypoCorrector
{
    private const int MinLength = 5;
    private const int MaxCached = 20_000;

    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly Dictionary<char, string[]> _termsByFirstLetter;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hanBySound;

    /// <param name="alsoKnown">Spellings the vocabulary does not hold but the analyzer turns into one of its terms (a
    /// synonym's variants): a homophone of one of them becomes that term.</param>
    public TypoCorrector(IReadOnlyDictionary<string, int> vocabulary, IEnumerable<(string Spelling, string Term)>? alsoKnown = null)
    {
        _vocabulary = vocabulary;
        // Typing errors rarely hit the first letter and the second at once: candidates are the terms
        // that share the first or the second letter, which is a twentieth of the vocabulary to compare.
        var latin = vocabulary.Keys.Where(t => t.Length >= MinLength - 2 && t.All(char.IsAsciiLetter)).Order(StringComparer.Ordinal).ToList();
        _termsByFirstLetter = latin.SelectMany(t => new[] { (Key: t[0], Term: t), (Key: char.ToUpperInvariant(t[1]), Term: t) })
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Term).Distinct().ToArray());
        // A sound heard in the vocabulary itself wins over a synonym's variant; among either, the most frequent term.
        var spellings = vocabulary.Keys.Select(t => (Spelling: t, Term: t, Own: true))
            .Concat((alsoKnown ?? []).Where(x => vocabulary.ContainsKey(x.Term)).Select(x => (x.Spelling, x.Term, Own: false)));
        _hanBySound = spellings.Where(x => x.Spelling.Length == 2 && Pinyin.IsHan(x.Spelling))
            .Select(x => (x.Term, x.Own, Sound: Pinyin.Of(x.Spelling)))
            .Where(x => x.Sound is { Length: > 0 })
            .GroupBy(x => x.Sound!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Own).ThenByDescending(x => vocabulary[x.Term])
                .ThenBy(x => x.Term, StringComparer.Ordinal).First().Term, StringComparer.Ordinal);
    }

    public string Correct(string token)
    {
        if (_vocabulary.ContainsKey(token))
        {
            return token;
        }
        if (token.Length == 2 && _hanBySound.Count > 0 && Pinyin.IsHan(token))
        {
            return Cached(token, t => Pinyin.Of(t) is { } sound && _hanBySound.TryGetValue(sound, out var known) ? known : t);
        }
        if (token.Length < MinLength || !token.All(char.IsAsciiLetter))
        {
            return token;
        }
        return Cached(token, Search);
    }

    // Bounded: customers' messages are not to grow it without end.
    private string Cached(string token, Func<string, string> correct)
    {
        if (_cache.TryGetValue(token, out var cached))
        {
            return cached;
        }
        var corrected = correct(token);
        if (_cache.Count < MaxCached)
        {
            _cache[token] = corrected;
        }
        return corrected;
    }

    private string Search(string token)
    {
        var maxEdits = token.Length >= 9 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var key in new[] { token[0], char.ToUpperInvariant(token[1]) })
        {
            if (!_termsByFirstLetter.TryGetValue(key, out var terms))
            {
                continue;
            }
            foreach (var term in terms)
            {
                if (Math.Abs(term.Length - token.Length) > maxEdits)
                {
                    continue;
                }
                var distance = EditDistance(token, term, maxEdits);
                var frequency = _vocabulary[term];
                if (distance <= maxEdits && (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency)))
                {
                    (best, bestDistance, bestFrequency) = (term, distance, frequency);
                }
            }
        }
        return best ?? token;
    }

    /// <summary>Optimal string alignment distance, giving up (returning max + 1) once it exceeds <paramref name="max"/>.</summary>
    internal static int EditDistance(string a, string b, int max)
    {
        Span<int> rows = stackalloc int[3 * (b.Length + 1)];
        var previous2 = rows[..(b.Length + 1)];
        var previous = rows.Slice(b.Length + 1, b.Length + 1);
        var current = rows.Slice(2 * (b.Length + 1), b.Length + 1);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
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
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }
}
