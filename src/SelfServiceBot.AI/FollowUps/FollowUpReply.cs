namespace SelfServiceBot.AI.FollowUps;

/// <summary>
/// Whether the model's reply can be searched: one line of text, not empty, not much longer than the message (at most
/// three times it plus 200 characters: a rewrite adds the topic, not a paragraph), and no echo of the prompt's tags. A
/// label ("Question:") or quotation marks around the line are taken off; anything else unusable gives null, and the
/// message is searched as written.
/// </summary>
internal static class FollowUpReply
{
    private static readonly string[] Labels = ["standalone question:", "rewritten question:", "question:", "问题：", "问题:"];
    private static readonly string[] PromptTags = ["<customer>", "<bot>", "<message>", "</customer>", "</bot>", "</message>"];

    public static string? Question(string reply, string message)
    {
        var text = reply.Trim();
        if (text.Length == 0 || text.Contains('\n') || text.Length > 3 * message.Length + 200)
        {
            return null;
        }
        foreach (var label in Labels)
        {
            if (text.StartsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                text = text[label.Length..].Trim();
                break;
            }
        }
        text = text.Trim('"', '\'', '“', '”', '「', '」').Trim();
        if (text.Length == 0 || !text.Any(char.IsLetter) || PromptTags.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return text;
    }
}
