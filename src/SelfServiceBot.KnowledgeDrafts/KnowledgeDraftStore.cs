using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data;
using SelfServiceBot.KnowledgeDrafts.Storage;

namespace SelfServiceBot.KnowledgeDrafts;

/// <summary>Where a draft came from: a chat (its hand-off) or a knowledge gap (its question).</summary>
public sealed record DraftSource(string Kind, string? Reference, string? ConversationId = null, long? HandoffId = null);

/// <summary>
/// The drafts in the database. Each change is one conditional UPDATE on (id, status draft, version): two reviewers acting
/// at once cannot both publish, and nobody overwrites or publishes a text they did not see.
/// </summary>
public sealed class KnowledgeDraftStore(IDbContextFactory<BotDbContext> factory, TimeProvider clock)
{
    public async Task<KnowledgeDraftRecord> CreateAsync(DraftContent content, DraftSource source, string createdBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var record = new KnowledgeDraftRecord
        {
            Title = content.Title,
            QuestionsJson = JsonSerializer.Serialize(content.Questions),
            Answer = content.Answer,
            Locale = content.Locale,
            Category = content.Category,
            Source = source.Kind,
            SourceReference = source.Reference is { Length: > 300 } reference ? reference[..300] : source.Reference,
            ConversationId = source.ConversationId,
            HandoffId = source.HandoffId,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var db = factory.CreateDbContext();
        db.KnowledgeDrafts().Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    public async Task<KnowledgeDraftRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.KnowledgeDrafts().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    /// <summary>The draft still open for this knowledge gap's question, so pressing its button twice makes one draft.</summary>
    public async Task<KnowledgeDraftRecord?> FindOpenFromGapAsync(string question, string locale, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.KnowledgeDrafts().AsNoTracking()
            .Where(d => d.Source == KnowledgeDraftSources.KnowledgeGap && d.Locale == locale && d.Status == KnowledgeDraftStatus.Draft && d.SourceReference == question)
            .OrderBy(d => d.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<KnowledgeDraftRecord>> ListAsync(string status, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.KnowledgeDrafts().AsNoTracking().Where(d => d.Status == status).OrderByDescending(d => d.Id).Take(500).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.KnowledgeDrafts().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }

    /// <summary>Saves an author's edits; false when the draft is no longer the <paramref name="version"/> they edited, or not a draft.</summary>
    public async Task<bool> UpdateAsync(long id, int version, DraftContent content, string by, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await Open(db, id, version).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Title, content.Title)
            .SetProperty(d => d.QuestionsJson, JsonSerializer.Serialize(content.Questions, JsonSerializerOptions.Default))
            .SetProperty(d => d.Answer, content.Answer)
            .SetProperty(d => d.Locale, content.Locale)
            .SetProperty(d => d.Category, content.Category)
            .SetProperty(d => d.UpdatedBy, by)
            .SetProperty(d => d.UpdatedAt, clock.GetUtcNow())
            .SetProperty(d => d.Version, d => d.Version + 1), cancellationToken) == 1;
    }

    public async Task<bool> RejectAsync(long id, int version, string note, string by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        return await Open(db, id, version).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, KnowledgeDraftStatus.Rejected)
            .SetProperty(d => d.ReviewNote, note)
            .SetProperty(d => d.ReviewedBy, by)
            .SetProperty(d => d.ReviewedAt, now)
            .SetProperty(d => d.UpdatedAt, now)
            .SetProperty(d => d.Version, d => d.Version + 1), cancellationToken) == 1;
    }

    /// <summary>
    /// Inside the publisher's transaction: marks the draft published with the reviewer's final text; false when someone
    /// else changed, published or rejected it first. The publisher then adds the article and <see cref="SetArticleAsync"/>.
    /// </summary>
    internal async Task<bool> ClaimForPublishingAsync(BotDbContext db, long id, int version, DraftContent content, string by,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Open(db, id, version).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Title, content.Title)
                .SetProperty(d => d.QuestionsJson, JsonSerializer.Serialize(content.Questions, JsonSerializerOptions.Default))
                .SetProperty(d => d.Answer, content.Answer)
                .SetProperty(d => d.Locale, content.Locale)
                .SetProperty(d => d.Category, content.Category)
                .SetProperty(d => d.Status, KnowledgeDraftStatus.Published)
                .SetProperty(d => d.ReviewedBy, by)
                .SetProperty(d => d.ReviewedAt, now)
                .SetProperty(d => d.UpdatedAt, now)
                .SetProperty(d => d.Version, d => d.Version + 1), cancellationToken) == 1;
    }

    /// <summary>The article the draft became: its id, and the file it is when exported.</summary>
    internal static Task SetArticleAsync(BotDbContext db, long id, string articleId, string path, CancellationToken cancellationToken) =>
        db.KnowledgeDrafts().Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.ArticleId, articleId).SetProperty(d => d.ArticlePath, path), cancellationToken);

    public static IReadOnlyList<string> QuestionsOf(KnowledgeDraftRecord draft) =>
        JsonSerializer.Deserialize<List<string>>(draft.QuestionsJson) ?? [];

    private static IQueryable<KnowledgeDraftRecord> Open(BotDbContext db, long id, int version) =>
        db.KnowledgeDrafts().Where(d => d.Id == id && d.Status == KnowledgeDraftStatus.Draft && d.Version == version);
}
