using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.KnowledgeDrafts.Storage;

namespace SelfServiceBot.KnowledgeDrafts;

/// <summary>
/// The published articles, in the database (table PublishedArticles) so that every instance serves them and a redeploy
/// keeps them. A change bumps the revision row first in its transaction: publishers take turns on that row, so two of them
/// never pick the same id, and the instances polling the revision see every change.
/// </summary>
public sealed class PublishedArticleStore(IDbContextFactory<BotDbContext> factory, TimeProvider clock) : IPublishedArticles
{
    private const int MaxSuffix = 1000;

    public async Task<long> RevisionAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.PublishedArticlesRevision().Where(r => r.Id == PublishedArticlesRevisionRecord.SingletonId)
            .Select(r => r.Revision).SingleAsync(cancellationToken);
    }

    public async Task<PublishedArticleSet> LoadAsync(CancellationToken cancellationToken)
    {
        var revision = await RevisionAsync(cancellationToken);
        await using var db = factory.CreateDbContext();
        var rows = await db.PublishedArticles().AsNoTracking().ToListAsync(cancellationToken);
        // Sorted here, not by the database's collation: the order is part of the index stamp on every instance.
        return new PublishedArticleSet(revision, rows.OrderBy(a => a.Locale, StringComparer.Ordinal).ThenBy(a => a.ArticleId, StringComparer.Ordinal)
            .Select(ToArticle).ToList());
    }

    /// <summary>
    /// Adds <paramref name="article"/> inside the caller's transaction, under the first free id of
    /// <paramref name="stem"/>, stem-2, stem-3 ... (free in its locale among the files' ids and the published ones).
    /// </summary>
    /// <returns>The article as published (its id).</returns>
    internal async Task<KnowledgeArticle> AddAsync(BotDbContext db, KnowledgeArticle article, string stem, IReadOnlySet<string> fileIds,
        long? draftId, string by, CancellationToken cancellationToken)
    {
        var revision = await BumpAsync(db, cancellationToken);
        var published = (await db.PublishedArticles().Where(a => a.Locale == article.Locale).Select(a => a.ArticleId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = 1; n <= MaxSuffix; n++)
        {
            var id = n == 1 ? stem : $"{stem}-{n}";
            if (!fileIds.Contains(id) && !published.Contains(id))
            {
                var added = article with { Id = id, SourcePath = SourceOf(article.Locale, article.Category, id) };
                db.PublishedArticles().Add(ToRecord(added, draftId, by, revision));
                await db.SaveChangesAsync(cancellationToken);
                return added;
            }
        }
        throw new InvalidOperationException($"No free article id for '{stem}' in {article.Locale}.");
    }

    /// <summary>
    /// <c>kb import --publish</c>: the articles in one transaction under their own ids. An id already published is replaced
    /// with <paramref name="overwrite"/>, else nothing is imported.
    /// </summary>
    public async Task<int> ImportAsync(IReadOnlyList<KnowledgeArticle> articles, bool overwrite, string by, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revision = await BumpAsync(db, cancellationToken);
        var existing = (await db.PublishedArticles().ToListAsync(cancellationToken))
            .ToDictionary(a => $"{a.Locale}|{a.ArticleId}", StringComparer.OrdinalIgnoreCase);
        foreach (var article in articles)
        {
            if (existing.TryGetValue(ArticleMerge.Key(article), out var old))
            {
                if (!overwrite)
                {
                    throw new IOException($"{article.Locale}/{article.Id} is already published; pass --overwrite to replace it");
                }
                db.PublishedArticles().Remove(old);
                await db.SaveChangesAsync(cancellationToken);
            }
            db.PublishedArticles().Add(ToRecord(article, null, by, revision));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return articles.Count;
    }

    /// <summary><c>kb unpublish</c>: removes a published article (every instance stops serving it at its next poll); false when there is none.</summary>
    public async Task<bool> UnpublishAsync(string locale, string articleId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BumpAsync(db, cancellationToken);
        var rows = await db.PublishedArticles().Where(a => a.Locale == locale).ToListAsync(cancellationToken);
        var row = rows.FirstOrDefault(a => string.Equals(a.ArticleId, articleId, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            return false;
        }
        db.PublishedArticles().Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Where the article goes as a file of the knowledge base folder (what <c>kb export --published --to</c> writes).</summary>
    public static string PathOf(string locale, string category, string id) => $"{locale}/{category}/{id}.md";

    /// <summary>What tools (kb lint, logs) show as the article's source: the database, and the file it would be.</summary>
    private static string SourceOf(string locale, string category, string id) => "published:" + PathOf(locale, category, id);

    private static async Task<long> BumpAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        // First statement of the transaction: from here on this publisher holds the row (PostgreSQL) or the write lock (SQLite).
        await db.PublishedArticlesRevision().Where(r => r.Id == PublishedArticlesRevisionRecord.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Revision, r => r.Revision + 1), cancellationToken);
        return await db.PublishedArticlesRevision().Where(r => r.Id == PublishedArticlesRevisionRecord.SingletonId)
            .Select(r => r.Revision).SingleAsync(cancellationToken);
    }

    private PublishedArticleRecord ToRecord(KnowledgeArticle a, long? draftId, string by, long revision) => new()
    {
        ArticleId = a.Id,
        Locale = a.Locale,
        Category = a.Category,
        Title = a.Title,
        QuestionsJson = JsonSerializer.Serialize(a.Questions),
        TagsJson = JsonSerializer.Serialize(a.Tags),
        RelatedJson = JsonSerializer.Serialize(a.Related),
        Body = a.Body,
        Owner = a.Owner,
        Updated = a.Updated,
        DraftId = draftId,
        PublishedBy = by,
        PublishedAt = clock.GetUtcNow(),
        Revision = revision,
    };

    private static KnowledgeArticle ToArticle(PublishedArticleRecord r) => new()
    {
        Id = r.ArticleId,
        Title = r.Title,
        Questions = List(r.QuestionsJson),
        Category = r.Category,
        Tags = List(r.TagsJson),
        Locale = r.Locale,
        Related = List(r.RelatedJson),
        Owner = r.Owner,
        Updated = r.Updated,
        Body = r.Body,
        SourcePath = SourceOf(r.Locale, r.Category, r.ArticleId),
    };

    private static IReadOnlyList<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
