using System.Text;
using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Interchange;

/// <summary>Writes articles as knowledgebase/&lt;locale&gt;/&lt;category&gt;/&lt;id&gt;.md files, the form authors edit.</summary>
public static class MarkdownArticleWriter
{
    /// <returns>The paths written, relative to <paramref name="root"/>.</returns>
    public static IReadOnlyList<string> WriteAll(IEnumerable<KnowledgeArticle> articles, string root, bool overwrite)
    {
        var written = new List<string>();
        foreach (var article in articles)
        {
            var relative = Path.Combine(Safe(article.Locale), Safe(article.Category), Safe(article.Id) + ".md");
            var path = Path.Combine(root, relative);
            if (File.Exists(path) && !overwrite)
            {
                throw new IOException($"{path} exists; pass --overwrite to replace it");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Render(article), new UTF8Encoding(false));
            written.Add(relative);
        }
        return written;
    }

    public static string Render(KnowledgeArticle a)
    {
        var text = new StringBuilder("---\n");
        text.Append("id: ").Append(Quote(a.Id)).Append('\n');
        text.Append("title: ").Append(Quote(a.Title)).Append('\n');
        text.Append("questions:\n");
        foreach (var q in a.Questions)
        {
            text.Append("  - ").Append(Quote(q)).Append('\n');
        }
        text.Append("category: ").Append(Quote(a.Category)).Append('\n');
        text.Append("tags: [").AppendJoin(", ", a.Tags.Select(Quote)).Append("]\n");
        text.Append("locale: ").Append(Quote(a.Locale)).Append('\n');
        text.Append("related: [").AppendJoin(", ", a.Related.Select(Quote)).Append("]\n");
        if (a.Owner is not null)
        {
            text.Append("owner: ").Append(Quote(a.Owner)).Append('\n');
        }
        if (a.Updated is { } updated)
        {
            text.Append("updated: ").Append(ArticleDates.Format(updated)).Append('\n');
        }
        return text.Append("---\n").Append(a.Body.TrimEnd()).Append('\n').ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").ReplaceLineEndings(" ") + "\"";

    /// <summary>A path segment that cannot climb out of the knowledge base folder.</summary>
    private static string Safe(string segment)
    {
        var cleaned = new string(segment.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return cleaned.Length == 0 ? "general" : cleaned;
    }
}
