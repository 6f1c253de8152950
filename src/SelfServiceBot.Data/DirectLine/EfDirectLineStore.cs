using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Data.DirectLine;

/// <summary>
/// Direct Line conversations and their logs in the shared database. Sequence numbers come from the
/// conversation row's counter, bumped inside the same transaction that inserts the activity: the
/// row lock (PostgreSQL) or the write lock (SQLite) orders concurrent appends, even across instances.
/// </summary>
internal sealed class EfDirectLineStore(IDbContextFactory<BotDbContext> factory, TimeProvider clock) : IDirectLineStore
{
    public async Task<bool> CreateConversationAsync(DirectLineConversationInfo conversation, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (await db.DirectLineConversations.AnyAsync(c => c.Id == conversation.Id, cancellationToken))
        {
            return false;
        }
        db.DirectLineConversations.Add(new DirectLineConversation
        {
            Id = conversation.Id,
            UserId = conversation.UserId,
            Locale = conversation.Locale,
            CreatedAt = conversation.CreatedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request or instance created it between our check and insert.
            return false;
        }
    }

    public async Task<DirectLineConversationInfo?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.DirectLineConversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new DirectLineConversationInfo(c.Id, c.UserId ?? "", c.Locale, c.CreatedAt, c.Ended))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DirectLineLogEntry>> AppendAsync(
        string conversationId, IReadOnlyList<DirectLineAppend> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }
        await using var db = factory.CreateDbContext();
        // All or nothing anyway: no savepoint around the inserts (two statements fewer).
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bumped = await db.DirectLineConversations
            .Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + activities.Count), cancellationToken);
        if (bumped == 0)
        {
            throw new InvalidOperationException($"Direct Line conversation '{conversationId}' does not exist.");
        }
        var last = await db.DirectLineConversations
            .Where(c => c.Id == conversationId)
            .Select(c => c.LastSequence)
            .SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var entries = new List<DirectLineLogEntry>(activities.Count);
        for (var i = 0; i < activities.Count; i++)
        {
            var sequence = last - activities.Count + 1 + i;
            var entry = new DirectLineLogEntry(sequence, activities[i].Type, activities[i].Json(sequence));
            entries.Add(entry);
            db.DirectLineActivities.Add(new DirectLineActivity
            {
                ConversationId = conversationId,
                Sequence = sequence,
                Type = entry.Type,
                Json = entry.Json,
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entries;
    }

    public async Task<IReadOnlyList<DirectLineLogEntry>> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.DirectLineActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
            .OrderBy(a => a.Sequence)
            .Take(max)
            .Select(a => new DirectLineLogEntry(a.Sequence, a.Type, a.Json))
            .ToListAsync(cancellationToken);
    }

    public async Task<string> GetOrAddAppSecretAsync(string name, Func<string> create, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (await db.AppSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, cancellationToken) is { } existing)
        {
            return existing.Value;
        }
        db.AppSecrets.Add(new AppSecret { Name = name, Value = create(), CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored one first: everybody uses that one.
        }
        await using var fresh = factory.CreateDbContext();
        return (await fresh.AppSecrets.AsNoTracking().SingleAsync(s => s.Name == name, cancellationToken)).Value;
    }
}
