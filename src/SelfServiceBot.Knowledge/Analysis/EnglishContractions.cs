using Lucene.Net.Analysis.CharFilters;

namespace SelfServiceBot.Knowledge.Analysis;

/// <summary>
/// Spells out English contractions before tokenising: "hasn't" -> "has not", "can't" -> "can not", "I've" -> "I have".
/// StandardTokenizer keeps "hasn't" as one word, so without this "my card hasn't arrived" shares no "not" with
/// "my card has not arrived", and every contracted verb is a word of its own that the knowledge base rarely uses.
/// Both apostrophes (' and ’) are covered; "'d" (had or would) and "'s" (is, has or possessive) are ambiguous and
/// left to the possessive filter.
/// </summary>
internal static class EnglishContractions
{
    private static readonly (string Contracted, string Spelled)[] Forms =
    [
        ("can't", "can not"), ("cannot", "can not"), ("won't", "will not"), ("shan't", "shall not"), ("ain't", "is not"),
        ("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'m", " am"),
    ];

    public static NormalizeCharMap Map { get; } = Build();

    private static NormalizeCharMap Build()
    {
        // NormalizeCharMap matches case-sensitively: lower case, capitalised ("Can't") and shouted ("CAN'T").
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (contracted, spelled) in Forms)
        {
            foreach (var apostrophe in new[] { "'", "\u2019" })
            {
                var form = contracted.Replace("'", apostrophe, StringComparison.Ordinal);
                forms[form] = spelled;
                forms[form.ToUpperInvariant()] = spelled;
                forms[char.ToUpperInvariant(form[0]) + form[1..]] = spelled;
            }
        }
        var builder = new NormalizeCharMap.Builder();
        foreach (var (form, spelled) in forms)
        {
            builder.Add(form, spelled);
        }
        return builder.Build();
    }
}
