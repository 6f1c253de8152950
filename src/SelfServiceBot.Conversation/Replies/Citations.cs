using System.Text;
using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Conversation.Replies;

/// <summary>An article a generated answer cites as <c>[Number]</c>.</summary>
internal sealed record CitedArticle(int Number, string ArticleId, string Title, string Text);

/// <summary>
/// How the channels show a generated answer's sources natively. Both read the schema.org <c>Message</c> entity (with
/// <c>@id</c> "", the one that describes the activity itself): <c>additionalType</c> AIGeneratedContent gives Teams' "AI
/// generated" label, and each <c>citation</c> Claim's <c>position</c> is the <c>[n]</c> in the text. Web Chat (4.16+) turns
/// the text's Markdown link definitions <c>[n]: cite:n "Title"</c> into the list of sources under the message and opens a
/// Claim's <c>appearance</c> (the article) in a dialog when one is clicked.
/// </summary>
internal static class Citations
{
    public const string MessageEntityType = "https://schema.org/Message";

    // Teams shows at most this much of a source's text in the citation's pop-up.
    private const int AbstractLength = 160;

    public static Entity Entity(IReadOnlyList<CitedArticle> cited) => new()
    {
        Type = MessageEntityType,
        Extra = new Dictionary<string, JsonElement>
        {
            ["@context"] = Json("https://schema.org"),
            ["@type"] = Json("Message"),
            ["@id"] = Json(""),
            ["additionalType"] = Json(new[] { "AIGeneratedContent" }),
            ["citation"] = Json(cited.Select(c => new Dictionary<string, object>
            {
                ["@type"] = "Claim",
                ["position"] = c.Number,
                ["appearance"] = new Dictionary<string, object>
                {
                    ["@type"] = "DigitalDocument",
                    ["name"] = c.Title,
                    ["abstract"] = Abstract(c.Text),
                    ["text"] = c.Text,
                },
            }).ToList()),
        },
    };

    /// <summary>The Markdown link definitions Web Chat lists as the sources, one per cited article.</summary>
    public static string LinkDefinitions(IReadOnlyList<CitedArticle> cited)
    {
        var text = new StringBuilder();
        foreach (var c in cited)
        {
            text.Append('\n').Append($"[{c.Number}]: cite:{c.Number} \"{EscapeTitle(c.Title)}\"");
        }
        return text.ToString();
    }

    /// <summary>"[1] Title" per cited article: the sources as plain lines (a Teams card, the transcript agents read).</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<CitedArticle> cited) => cited.Select(c => $"[{c.Number}] {c.Title}");

    private static string Abstract(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= AbstractLength ? flat : flat[..(AbstractLength - 1)] + "…";
    }

    // A title is one line in double quotes: its own quotes and backslashes are escaped, line breaks flattened.
    private static string EscapeTitle(string title) =>
        title.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace('\n', ' ').Replace('\r', ' ');

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, BotJson.Options);
}
