using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Conversation.Replies;

/// <summary>Adaptive Cards 1.5, the highest version Teams renders, with Action.Submit (object data) buttons.</summary>
internal static class AdaptiveCards
{
    public const string Version = "1.5";

    public static Attachment Create(IEnumerable<object> body, IEnumerable<Choice> choices)
    {
        var card = new Dictionary<string, object?>
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body.ToList(),
        };
        var actions = choices.Select(c => new Dictionary<string, object?>
        {
            ["type"] = "Action.Submit",
            ["title"] = c.Title,
            ["data"] = c.SubmitData,
        }).ToList();
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }
        return new Attachment
        {
            ContentType = AttachmentContentTypes.AdaptiveCard,
            Content = JsonSerializer.SerializeToElement(card, BotJson.Options),
        };
    }

    /// <param name="separator">A line and some space above the block, to set it apart from what comes before.</param>
    /// <param name="subtle">Smaller and lighter: what is there for reference (a generated answer's sources).</param>
    public static object TextBlock(string text, bool heading = false, bool separator = false, bool subtle = false)
    {
        var block = new Dictionary<string, object?> { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (heading)
        {
            block["weight"] = "Bolder";
            block["size"] = "Medium";
        }
        if (subtle)
        {
            block["isSubtle"] = true;
            block["size"] = "Small";
            block["spacing"] = "None";
        }
        if (separator)
        {
            block["separator"] = true;
            block["spacing"] = "Medium";
        }
        return block;
    }
}
