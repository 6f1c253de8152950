using System.Globalization;
using System.Text;

namespace SelfServiceBot.Knowledge.Text;

/// <summary>
/// Turns a question into match tokens. Latin text: lower-cased words without stop words, lightly
/// stemmed (<see cref="EnglishStemmer"/>). Chinese (no spaces between words): each run of Han
/// characters is cut at function characters and indexed as its characters plus overlapping bigrams,
/// the usual CJK approach when no dictionary segmenter is at hand (bigrams for precision, single
/// characters so that a differently worded question still overlaps).
/// </summary>
public static class TextAnalyzer
{
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }
        // NFKC folds full-width letters and punctuation (Ｏｒｄｅｒ, ？) into their plain forms.
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Replace("'", "").Replace("\u2019", "");
        var word = new StringBuilder();
        var han = new StringBuilder();
        foreach (var c in normalized)
        {
            if (IsHan(c))
            {
                FlushWord();
                han.Append(c);
            }
            else if (char.IsLetterOrDigit(c))
            {
                FlushHan();
                word.Append(c);
            }
            else
            {
                FlushWord();
                FlushHan();
            }
        }
        FlushWord();
        FlushHan();
        return tokens;

        void FlushWord()
        {
            if (word.Length > 0)
            {
                var w = word.ToString();
                if (!StopWords.English.Contains(w))
                {
                    tokens.Add(EnglishStemmer.Stem(w));
                }
                word.Clear();
            }
        }

        void FlushHan()
        {
            if (han.Length > 0)
            {
                AddHanTokens(han.ToString(), tokens);
                han.Clear();
            }
        }
    }

    private static void AddHanTokens(string run, List<string> tokens)
    {
        foreach (var segment in run.Split(StopWords.ChineseCharacters, StringSplitOptions.RemoveEmptyEntries))
        {
            for (var i = 0; i < segment.Length; i++)
            {
                tokens.Add(segment.Substring(i, 1));
                if (i + 1 < segment.Length)
                {
                    tokens.Add(segment.Substring(i, 2));
                }
            }
        }
    }

    public static bool IsHan(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter
        && (c is >= '\u4E00' and <= '\u9FFF' || c is >= '\u3400' and <= '\u4DBF' || c is >= '\uF900' and <= '\uFAFF');

    public static bool ContainsHan(string? text) => text is not null && text.Any(IsHan);
}
