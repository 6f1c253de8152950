namespace SelfServiceBot.Knowledge.Text;

/// <summary>
/// A deliberately small suffix stripper: enough that "orders", "ordered" and "ordering" meet, and
/// "cancelled" / "canceling" / "cancellation" meet "cancel". Stems need not be words, only stable.
/// </summary>
public static class EnglishStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }
        var w = word;
        if (w.EndsWith("ies") && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses"))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is"))
        {
            w = w[..^1];
        }

        if (w.EndsWith("ation") && w.Length > 7)
        {
            w = w[..^5];
        }
        else if (w.EndsWith("ing") && w.Length > 5)
        {
            w = w[..^3];
        }
        else if (w.EndsWith("ed") && w.Length > 4)
        {
            w = w[..^2];
        }

        if (w.EndsWith("ery") && w.Length > 6)
        {
            w = w[..^1];
        }
        if (w.EndsWith('e') && w.Length > 4)
        {
            w = w[..^1];
        }
        if (w.Length > 3 && w[^1] == w[^2] && w[^1] != 's' && !IsVowel(w[^1]))
        {
            w = w[..^1];
        }
        return w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
