namespace SelfServiceBot.Knowledge.Articles;

/// <summary>
/// Reads the small YAML subset articles use (no YAML package is available here):
/// <code>
/// ---
/// key: value            # scalar, optionally 'single' or "double" quoted
/// tags: [a, b, "c, d"]  # flow list
/// questions:            # block list
///   - first
/// ---
/// Markdown body
/// </code>
/// Tolerant of a BOM, CRLF, comments, blank lines and unknown keys; strict about structure, so a
/// broken header is reported with its line instead of silently producing half an article.
/// </summary>
public static class FrontMatterParser
{
    private const string Fence = "---";

    public static FrontMatterResult Parse(string text)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != Fence)
        {
            return FrontMatterResult.Fail(1, "missing front matter: the first line must be '---'");
        }

        var matter = new FrontMatter();
        string? listKey = null;
        int listLine = 0;
        List<string>? listItems = null;

        for (var i = 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var raw = lines[i];
            var trimmed = raw.Trim();
            if (trimmed == Fence)
            {
                if (listKey is not null)
                {
                    matter.Set(listKey, listItems!, isList: true, listLine);
                }
                matter.BodyLine = lineNumber + 1;
                matter.Body = string.Join('\n', lines.Skip(i + 1)).Trim();
                return FrontMatterResult.Ok(matter);
            }
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-")
            {
                if (listKey is null)
                {
                    return FrontMatterResult.Fail(lineNumber, "list item without a key above it (expected 'key:' on its own line first)");
                }
                var item = Unquote(StripComment(trimmed[1..]).Trim());
                if (item.Length > 0)
                {
                    listItems!.Add(item);
                }
                continue;
            }
            if (listKey is not null)
            {
                matter.Set(listKey, listItems!, isList: true, listLine);
                listKey = null;
            }

            var colon = trimmed.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(raw[0]))
            {
                return FrontMatterResult.Fail(lineNumber, $"expected 'key: value' but found '{Shorten(trimmed)}'");
            }
            var key = trimmed[..colon].Trim();
            if (key.Any(char.IsWhiteSpace))
            {
                return FrontMatterResult.Fail(lineNumber, $"a key cannot contain spaces: '{Shorten(key)}'");
            }
            var value = StripComment(trimmed[(colon + 1)..]).Trim();
            if (value.Length == 0)
            {
                // A block list follows (or the value is empty, which reads as an empty list).
                listKey = key;
                listLine = lineNumber;
                listItems = [];
            }
            else if (value.StartsWith('['))
            {
                if (!value.EndsWith(']'))
                {
                    return FrontMatterResult.Fail(lineNumber, $"list for '{key}' is not closed with ']'");
                }
                matter.Set(key, SplitFlowList(value[1..^1]), isList: true, lineNumber);
            }
            else
            {
                matter.Set(key, [Unquote(value)], isList: false, lineNumber);
            }
        }
        return FrontMatterResult.Fail(lines.Length, "front matter is not closed: no second '---' line");
    }

    private static List<string> SplitFlowList(string inner)
    {
        var items = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        foreach (var c in inner)
        {
            if (quote is null && c is '"' or '\'')
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && c == ',')
            {
                AddItem();
                continue;
            }
            current.Append(c);
        }
        AddItem();
        return items;

        void AddItem()
        {
            var item = Unquote(current.ToString().Trim());
            if (item.Length > 0)
            {
                items.Add(item);
            }
            current.Clear();
        }
    }

    // "# " starts a comment only outside quotes and after whitespace, so "C# guide" survives.
    private static string StripComment(string value)
    {
        if (value.TrimStart().StartsWith('"') || value.TrimStart().StartsWith('\''))
        {
            return value;
        }
        var index = value.IndexOf(" #", StringComparison.Ordinal);
        return index < 0 ? value : value[..index];
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\''))
        {
            var inner = value[1..^1];
            return value[0] == '"' ? inner.Replace("\\\"", "\"").Replace("\\\\", "\\") : inner.Replace("''", "'");
        }
        return value;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}

public sealed record FrontMatterResult(FrontMatter? Value, int ErrorLine, string? Error)
{
    public static FrontMatterResult Ok(FrontMatter value) => new(value, 0, null);

    public static FrontMatterResult Fail(int line, string reason) => new(null, line, reason);
}
