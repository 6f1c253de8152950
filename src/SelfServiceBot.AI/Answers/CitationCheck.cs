using System.Text.RegularExpressions;

namespace SelfServiceBot.AI.Answers;

/// <summary>
/// Whether a reply may be shown: it cites at least one of the given sources and nothing else, is not empty, not over
/// the limit, not the "cannot answer" reply, and defines no links of its own (those would pose as our citations).
/// Citations come back as <c>[n]</c>, also when the model wrote <c>【n】</c> or <c>[1, 2]</c>.
/// </summary>
public static partial class CitationCheck
{
    public static (string? Text, IReadOnlyList<int> Cited, string? Rejection) Check(string reply, int sourceCount, int maxCharacters)
    {
        var text = (reply ?? "").Trim();
        if (text.Length == 0)
        {
            return Reject("The reply is empty.");
        }
        if (text.Contains(GroundedAnswerPrompt.NoAnswer, StringComparison.OrdinalIgnoreCase))
        {
            return Reject("The model said the sources do not answer the question.");
        }
        if (text.Length > maxCharacters)
        {
            return Reject($"The reply has {text.Length} characters, more than {maxCharacters}.");
        }
        if (LinkDefinition().IsMatch(text))
        {
            return Reject("The reply defines links of its own.");
        }
        var cited = new List<int>();
        var normalized = Citation().Replace(text, match =>
        {
            var numbers = Separator().Split(match.Groups[1].Value).Select(n => int.TryParse(n, out var v) ? v : -1).ToList();
            cited.AddRange(numbers);
            return string.Concat(numbers.Select(n => $"[{n}]"));
        });
        if (cited.Count == 0)
        {
            return Reject("The reply cites no source.");
        }
        if (cited.Where(n => n < 1 || n > sourceCount).Select(n => (int?)n).FirstOrDefault() is { } wrong)
        {
            return Reject($"The reply cites [{wrong}], but only [1] to [{sourceCount}] were given.");
        }
        return (normalized, cited.Distinct().ToList(), null);
    }

    private static (string?, IReadOnlyList<int>, string?) Reject(string why) => (null, [], why);

    [GeneratedRegex(@"[\[【]\s*(\d{1,4}(?:\s*[,，、]\s*\d{1,4})*)\s*[\]】](?!\()", RegexOptions.None, 1000)]
    private static partial Regex Citation();

    [GeneratedRegex(@"\s*[,，、]\s*")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s{0,3}\[[^\]\n]+\]:\s*\S", RegexOptions.Multiline, 1000)]
    private static partial Regex LinkDefinition();
}
