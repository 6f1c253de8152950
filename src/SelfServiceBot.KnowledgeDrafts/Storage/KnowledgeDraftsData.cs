using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Model;

namespace SelfServiceBot.KnowledgeDrafts.Storage;

/// <summary>The knowledge drafts' tables in the one database: drafts under review, published articles and their revision.</summary>
public sealed class KnowledgeDraftsData : DataModule;

public static class KnowledgeDraftsTables
{
    public static DbSet<KnowledgeDraftRecord> KnowledgeDrafts(this BotDbContext db) => db.Set<KnowledgeDraftRecord>();

    public static DbSet<PublishedArticleRecord> PublishedArticles(this BotDbContext db) => db.Set<PublishedArticleRecord>();

    public static DbSet<PublishedArticlesRevisionRecord> PublishedArticlesRevision(this BotDbContext db) => db.Set<PublishedArticlesRevisionRecord>();
}
