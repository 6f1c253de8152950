namespace SelfServiceBot.Knowledge.Articles;

/// <summary>
/// The knowledge base the bot serves: the folder's files, then the published articles. Publishing keeps ids unique over
/// both, so normally nothing collides; an id in both means the published article was exported and moved into the files
/// (the authored base, versioned in git), and the file wins.
/// </summary>
public static class ArticleMerge
{
    public static IReadOnlyList<KnowledgeArticle> Merge(IReadOnlyList<KnowledgeArticle> files, IReadOnlyList<KnowledgeArticle> published,
        out IReadOnlyList<KnowledgeArticle> shadowed)
    {
        var taken = files.Select(Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hidden = new List<KnowledgeArticle>();
        var merged = new List<KnowledgeArticle>(files);
        foreach (var article in published)
        {
            if (taken.Add(Key(article)))
            {
                merged.Add(article);
            }
            else
            {
                hidden.Add(article);
            }
        }
        shadowed = hidden;
        return merged;
    }

    /// <summary>Ids are unique per locale, compared as the loader does (case-insensitively).</summary>
    public static string Key(KnowledgeArticle article) => $"{article.Locale}|{article.Id}";
}
