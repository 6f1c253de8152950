using System.Text.Json;
using System.Text.RegularExpressions;

namespace SelfServiceBot.AI.Drafts;

/// <summary>
/// A knowledge-base article the model drafted from a resolved chat: the title as a customer would ask it, other phrasings of
/// the same question, and a general answer. Agents review it before anything is published.
/// </summary>
public sealed partial record DraftedArticle(string Title, IReadOnlyList<string> Questions, string Answer)
{
    public const int MaxTitleLength = 200;
    public const int MaxAnswerLength = 4000;
    public const int MaxQuestions = 5;

    /// <summary>
    /// The reply as an article, or null when it is not the JSON object asked for (a title, 1 to 5 other phrasings, an
    /// answer; strings within their limits). A fenced code block around the object is accepted, nothing else around it.
    /// </summary>
    public static DraftedArticle? Parse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return null;
        }
        var json = Fence().Match(reply.Trim()) is { Success: true } fenced ? fenced.Groups[1].Value : reply.Trim();
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "title") is not { Length: > 0 and <= MaxTitleLength } title
                || Text(root, "answer") is not { Length: > 0 and <= MaxAnswerLength } answer
                || !root.TryGetProperty("questions", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var questions = new List<string>();
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || item.GetString()!.Trim().ReplaceLineEndings(" ") is not { Length: <= MaxTitleLength } question)
                {
                    return null;
                }
                if (question.Length > 0 && !string.Equals(question, title, StringComparison.OrdinalIgnoreCase)
                    && !questions.Contains(question, StringComparer.OrdinalIgnoreCase))
                {
                    questions.Add(question);
                }
            }
            return questions.Count is >= 1 and <= MaxQuestions ? new DraftedArticle(title, questions, answer) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? (name == "answer" ? value.GetString()!.Trim() : value.GetString()!.Trim().ReplaceLineEndings(" "))
            : null;

    [GeneratedRegex(@"^```(?:json)?\s*\n(.*)\n\s*```$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Fence();
}
