using System.Text;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>
/// Writes a new article file into the knowledge base: <c>&lt;locale&gt;/&lt;category&gt;/&lt;slug&gt;.md</c> in the
/// format of <see cref="MarkdownArticleWriter"/>. The id (= slug) is unique in its language, an existing file is never
/// replaced, and the file appears whole or not at all (written beside it, then linked in under its name, which fails
/// when the name is taken), so the knowledge base watcher never reads half an article.
/// </summary>
internal static class ArticleFiles
{
    private const int MaxSuffix = 1000;

    /// <returns>The article as written (its id) and its path relative to <paramref name="root"/>, with / separators.</returns>
    public static (KnowledgeArticle Article, string RelativePath) WriteNew(string root, KnowledgeArticle article, IReadOnlySet<string> takenIds)
    {
        var folder = Path.Combine(root, article.Locale, article.Category);
        Directory.CreateDirectory(folder);
        var stem = Slug(article);
        for (var n = 1; n <= MaxSuffix; n++)
        {
            var id = n == 1 ? stem : $"{stem}-{n}";
            var path = Path.Combine(folder, id + ".md");
            if (takenIds.Contains(id) || File.Exists(path))
            {
                continue;
            }
            var relative = $"{article.Locale}/{article.Category}/{id}.md";
            var written = article with { Id = id, SourcePath = relative };
            if (TryCreate(folder, path, MarkdownArticleWriter.Render(written)))
            {
                return (written, relative);
            }
        }
        throw new IOException($"No free file name for '{stem}' in {folder}.");
    }

    /// <summary>
    /// The id from the title: its lower-case ASCII words joined by dashes (at most 60 characters), with "zh-" in front for
    /// Chinese articles as in the sample knowledge base. A title without such words (a Chinese one) keeps the id the
    /// caller chose (<see cref="KnowledgeArticle.Id"/>).
    /// </summary>
    public static string Slug(KnowledgeArticle article)
    {
        var words = new StringBuilder();
        foreach (var c in article.Title.ToLowerInvariant())
        {
            words.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }
        var slug = string.Join('-', words.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 60)
        {
            slug = slug[..60].TrimEnd('-');
        }
        if (slug.Length < 3)
        {
            slug = article.Id;
        }
        return article.Locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && !slug.StartsWith("zh-", StringComparison.Ordinal) ? "zh-" + slug : slug;
    }

    private static bool TryCreate(string folder, string path, string text)
    {
        // A dot name without .md: the watcher ignores it, the loader skips it.
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Someone took the name between our check and the move: try the next one.
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
