using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Interchange;

/// <summary>
/// The Metadata cell of a QnA Maker TSV row, <c>key:value|key:value</c>, as an article's fields. Keys are case-insensitive
/// (QnA Maker lower-cases them). The cell has no escapes: on export <c>|</c> in a value, and <c>,</c> in a listed tag or
/// id, become spaces.
/// </summary>
internal sealed record QnaMetadata(
    string? Id, string? Category, string? Locale, string? Owner, DateOnly? Updated, IReadOnlyList<string> Tags, IReadOnlyList<string> Related)
{
    private static readonly string[] Fields = ["id", "category", "locale", "owner", "updated", "tags", "related"];

    public static bool TryParse(string text, out QnaMetadata metadata, out string? reason)
    {
        metadata = new QnaMetadata(null, null, null, null, null, [], []);
        reason = null;
        var pairs = text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split(':', 2))
            .Where(kv => kv.Length == 2 && kv[0].Trim().Length > 0)
            .Select(kv => (Key: kv[0].Trim().ToLowerInvariant(), Value: kv[1].Trim()))
            .DistinctBy(kv => kv.Key)
            .ToList();
        string? Get(string key) => pairs.FirstOrDefault(kv => kv.Key == key).Value is { Length: > 0 } v ? v : null;
        if (!ArticleDates.TryParse(Get("updated"), out var updated, out reason))
        {
            reason = "metadata " + reason;
            return false;
        }
        var tags = List(Get("tags")).Concat(pairs.Where(kv => !Fields.Contains(kv.Key)).Select(kv => $"{kv.Key}:{kv.Value}")).ToList();
        metadata = new QnaMetadata(Get("id"), Get("category"), Get("locale"), Get("owner"), updated, tags, List(Get("related")));
        return true;
    }

    /// <summary>
    /// The cell for an article. A <c>key:value</c> tag whose key is not one of the fields goes back to being its own pair
    /// (a round trip of a QnA Maker file keeps its metadata); other tags are listed under <c>tags</c>.
    /// </summary>
    public static string Format(KnowledgeArticle a, IReadOnlyList<string> related)
    {
        var pairs = new List<(string Key, string Value)> { ("id", a.Id), ("category", a.Category), ("locale", a.Locale) };
        if (a.Owner is { Length: > 0 } owner)
        {
            pairs.Add(("owner", owner));
        }
        if (a.Updated is { } updated)
        {
            pairs.Add(("updated", ArticleDates.Format(updated)));
        }
        var listed = new List<string>();
        foreach (var tag in a.Tags)
        {
            var kv = tag.Split(':', 2);
            var key = kv[0].Trim().ToLowerInvariant();
            if (kv.Length == 2 && key.Length > 0 && !Fields.Contains(key) && pairs.All(p => p.Key != key))
            {
                pairs.Add((key, kv[1].Trim()));
            }
            else
            {
                listed.Add(tag);
            }
        }
        if (listed.Count > 0)
        {
            pairs.Add(("tags", string.Join(',', listed.Select(Item))));
        }
        if (related.Count > 0)
        {
            pairs.Add(("related", string.Join(',', related.Select(Item))));
        }
        return string.Join('|', pairs.Select(p => $"{p.Key}:{Value(p.Value)}"));
    }

    private static IReadOnlyList<string> List(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Value(string value) => value.Replace('|', ' ').Replace('\t', ' ').ReplaceLineEndings(" ");

    private static string Item(string value) => Value(value).Replace(',', ' ');
}
