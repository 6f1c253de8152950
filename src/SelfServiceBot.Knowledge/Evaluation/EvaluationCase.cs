using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfServiceBot.Knowledge.Evaluation;

/// <summary>A customer message and the article that answers it (null: out of scope, the right move is not to answer).</summary>
public sealed record EvaluationCase(string Text, string? Expected, string? Locale = null)
{
    /// <summary>Reads <c>{"text","expected"[,"locale"]}</c> lines; a bad line stops with its number, since a silently smaller test set lies.</summary>
    public static IReadOnlyList<EvaluationCase> ReadJsonLines(string path)
    {
        var cases = new List<EvaluationCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                if (JsonNode.Parse(line) is not JsonObject json || json["text"]?.GetValue<string>() is not { Length: > 0 } text)
                {
                    throw new FormatException("each line needs a non-empty \"text\"");
                }
                var expected = json["expected"] is JsonValue value ? value.GetValue<string>() : null;
                var locale = json["locale"] is JsonValue l ? l.GetValue<string>() : null;
                cases.Add(new EvaluationCase(text, expected, locale));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                throw new FormatException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }
        return cases;
    }
}
