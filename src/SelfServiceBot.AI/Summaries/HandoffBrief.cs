using System.Text.Json;

namespace SelfServiceBot.AI.Summaries;

/// <summary>
/// What an agent reads first when a chat reaches them: the customer's problem, what the bot offered, the order or reference
/// numbers mentioned and the customer's mood, each one short line in the agent's language.
/// </summary>
public sealed record HandoffBrief(string Problem, string Offered, string References, string Mood)
{
    /// <summary>A value longer than this is not the short line asked for: the reply is rejected.</summary>
    public const int MaxLineLength = 300;

    /// <summary>The fixed labels of the reply, in English whatever the language: the console shows its own labels.</summary>
    public static readonly IReadOnlyList<string> Labels = ["PROBLEM", "OFFERED", "REFERENCES", "MOOD"];

    /// <summary>
    /// The model's reply as a brief, or null when it is not exactly the four labelled lines (each once, none empty or
    /// over-long, nothing else but blank lines): a reply in another shape is not trusted in front of an agent.
    /// </summary>
    public static HandoffBrief? Parse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply) || reply.Length > Labels.Count * (MaxLineLength + 20) + 40)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in reply.ReplaceLineEndings("\n").Split('\n'))
        {
            // Models like to dress the lines up as a list or in bold; the shape underneath is the same.
            var line = raw.Trim().TrimStart('-', '*', '•', ' ').Replace("**", "", StringComparison.Ordinal).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var colon = line.IndexOfAny([':', '：']);
            if (colon <= 0)
            {
                return null;
            }
            var label = line[..colon].Trim().ToUpperInvariant();
            var value = line[(colon + 1)..].Trim();
            if (!Labels.Contains(label) || values.ContainsKey(label) || value.Length is 0 or > MaxLineLength)
            {
                return null;
            }
            values[label] = value;
        }
        return values.Count == Labels.Count
            ? new HandoffBrief(values["PROBLEM"], values["OFFERED"], values["REFERENCES"], values["MOOD"])
            : null;
    }

    /// <summary>How the brief is stored (a JSON object), and back.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static HandoffBrief? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<HandoffBrief>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
