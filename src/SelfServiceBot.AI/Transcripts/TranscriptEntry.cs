namespace SelfServiceBot.AI.Transcripts;

/// <summary>
/// One line of a chat as the console shows it: who wrote it (<c>user</c> or <c>customer</c>, <c>bot</c>, <c>agent</c>,
/// <c>system</c>) and the text. The features that read a whole chat (summaries, drafts) take these, not the stores' rows.
/// </summary>
public sealed record TranscriptEntry(string From, string Text);

/// <summary>A chat as the text of one quoted prompt turn: "Customer: ..." per line, the newest lines kept when it is long.</summary>
public static class TranscriptText
{
    /// <summary>Enough for a long hand-off chat; the newest lines matter most, so an older head is what is cut.</summary>
    public const int MaxCharacters = 8000;

    public static string Of(IEnumerable<TranscriptEntry> lines, int maxCharacters = MaxCharacters)
    {
        var kept = new List<string>();
        var length = 0;
        foreach (var line in lines.Reverse())
        {
            var text = (line.Text ?? "").Trim().ReplaceLineEndings(" ");
            if (text.Length == 0)
            {
                continue;
            }
            var entry = $"{Speaker(line.From)}: {text}";
            if (length + entry.Length + 1 > maxCharacters)
            {
                break;
            }
            kept.Add(entry);
            length += entry.Length + 1;
        }
        kept.Reverse();
        return string.Join('\n', kept);
    }

    private static string Speaker(string from) => from switch
    {
        "user" or "customer" => "Customer",
        "bot" => "Bot",
        "agent" => "Agent",
        _ => "System",
    };
}
