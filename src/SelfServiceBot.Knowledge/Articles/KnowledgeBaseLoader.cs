using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Articles;

/// <summary>
/// Loads every <c>&lt;locale&gt;/&lt;category&gt;/&lt;slug&gt;.md</c> under a root. A broken file becomes a
/// <see cref="KnowledgeLoadProblem"/> (path, line, reason) and the others still load: one bad edit
/// must not take the whole knowledge base down.
/// </summary>
public static class KnowledgeBaseLoader
{
    public static KnowledgeBase Load(string rootPath)
    {
        var root = Path.GetFullPath(rootPath);
        var articles = new List<KnowledgeArticle>();
        var problems = new List<KnowledgeLoadProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new KnowledgeLoadProblem(root, 0, "knowledge base folder does not exist"));
            return new KnowledgeBase(root, articles, problems);
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/') is not [var folderLocale, var folderCategory, _])
            {
                // README.md and notes outside <locale>/<category>/ are not articles.
                continue;
            }
            var article = Read(file, relative, folderLocale, folderCategory, problems);
            if (article is null)
            {
                continue;
            }
            var idKey = $"{article.Locale}|{article.Id}";
            if (seen.TryGetValue(idKey, out var first))
            {
                problems.Add(new KnowledgeLoadProblem(relative, 1, $"duplicate id '{article.Id}' (already used by {first})"));
                continue;
            }
            seen[idKey] = relative;
            articles.Add(article);
        }
        return new KnowledgeBase(root, articles, problems);
    }

    private static KnowledgeArticle? Read(string file, string relative, string folderLocale, string folderCategory,
        List<KnowledgeLoadProblem> problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException ex)
        {
            problems.Add(new KnowledgeLoadProblem(relative, 0, $"cannot read the file: {ex.Message}"));
            return null;
        }

        var parsed = FrontMatterParser.Parse(text);
        if (parsed.Value is not { } matter)
        {
            problems.Add(new KnowledgeLoadProblem(relative, parsed.ErrorLine, parsed.Error!));
            return null;
        }

        foreach (var required in new[] { "id", "title" })
        {
            if (string.IsNullOrWhiteSpace(matter.Scalar(required)))
            {
                problems.Add(new KnowledgeLoadProblem(relative, 1, $"'{required}' is missing"));
                return null;
            }
        }
        if (matter.Body.Length == 0)
        {
            problems.Add(new KnowledgeLoadProblem(relative, matter.BodyLine, "the answer (the text after the front matter) is empty"));
            return null;
        }

        // As in the interchange formats: an empty 'updated' is no date (kb lint reports it as missing).
        if (!ArticleDates.TryParse(matter.Scalar("updated"), out var updated, out var reason))
        {
            problems.Add(new KnowledgeLoadProblem(relative, matter.LineOf("updated"), reason!));
            return null;
        }

        return new KnowledgeArticle
        {
            Id = matter.Scalar("id")!,
            Title = matter.Scalar("title")!,
            Questions = matter.List("questions"),
            Category = matter.Scalar("category") ?? folderCategory,
            Tags = matter.List("tags"),
            Locale = matter.Scalar("locale") ?? folderLocale,
            Related = matter.List("related"),
            Owner = matter.Scalar("owner"),
            Updated = updated,
            Body = matter.Body,
            SourcePath = relative,
        };
    }
}
