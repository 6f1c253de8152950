using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.HotPath;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.BotFramework.Storage;

/// <summary>
/// Direct Line conversations and their logs in the shared database. Sequence numbers come from the
/// conversation row's counter, bumped inside the same transaction that inserts the activities: the
/// row lock (PostgreSQL) or the write lock (SQLite) orders concurrent appends, even across instances.
/// </summary>
internal sealed class EfDirectLineStore(IDbContextFactory<BotDbContext> factory, HotWrites writes, TimeProvider clock) : IDirectLineStore
{
    public async Task<bool> CreateConversationAsync(DirectLineConversationInfo conversation, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (await db.DirectLineConversations().AnyAsync(c => c.Id == conversation.Id, cancellationToken))
        {
            return false;
        }
        db.DirectLineConversations().Add(new DirectLineConversation
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

    // Read on every post and poll: compiled once.
    private static readonly CompiledQuery<string, DirectLineConversationInfo?> Find = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, string id, CancellationToken _) => db.DirectLineConversations().AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new DirectLineConversationInfo(c.Id, c.UserId ?? "", c.Locale, c.CreatedAt, c.Ended))
            .SingleOrDefault()));

    public async Task<DirectLineConversationInfo?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await Find.RunAsync(db, conversationId, cancellationToken);
    }

    public async Task EndConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await db.DirectLineConversations().Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Ended, true), cancellationToken);
    }

    public async Task<IReadOnlyList<DirectLineLogEntry>> AppendAsync(
        string conversationId, IReadOnlyList<DirectLineAppend> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }
        await using var db = factory.CreateDbContext();
        var bump = new ModelSql(db)
            .Sql("UPDATE ").Table<DirectLineConversation>()
            .Sql(" SET ").Column<DirectLineConversation>(LastSequence).Sql(" = ").Column<DirectLineConversation>(LastSequence)
            .Sql(" + ").Value<DirectLineConversation>(LastSequence, (long)activities.Count)
            .Sql(" WHERE ").Column<DirectLineConversation>(nameof(DirectLineConversation.Id)).Sql(" = ").Value<DirectLineConversation>(nameof(DirectLineConversation.Id), conversationId)
            .Sql(" RETURNING ").Column<DirectLineConversation>(LastSequence).Sql(" AS \"Value\"");
        var clientIds = activities.Select(a => a.ClientActivityId).OfType<string>().ToList();
        var logged = clientIds.Count == 0 ? null : LoggedClientIds(db, conversationId, clientIds);
        var now = clock.GetUtcNow();
        var result = await writes.WriteAsync<(IReadOnlyList<DirectLineLogEntry> Entries, HashSet<string> Already)>(db, transaction: true, async write =>
        {
            // Takes the numbers and says which they are in one statement; the row stays locked until the commit.
            var bumped = await write.QueryAsync<long>(bump, cancellationToken);
            if (bumped.Count == 0)
            {
                throw new InvalidOperationException($"Direct Line conversation '{conversationId}' does not exist.");
            }
            // Read under that lock: no other append of this conversation can log the same client id meanwhile.
            var already = logged is null ? new HashSet<string>() : (await write.QueryAsync<string>(logged, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var fresh = activities.Where(a => a.ClientActivityId is null || !already.Contains(a.ClientActivityId)).ToList();
            if (fresh.Count == 0)
            {
                write.Discard();
                return ([], already);
            }
            var entries = new List<DirectLineLogEntry>(fresh.Count);
            var insert = new ModelSql(db).Sql("INSERT INTO ").Table<DirectLineActivity>().Sql(" ").Columns<DirectLineActivity>(Columns).Sql(" VALUES ");
            for (var i = 0; i < fresh.Count; i++)
            {
                // The numbers taken for activities already logged stay unused: watermarks only need to grow.
                var sequence = bumped[0] - activities.Count + 1 + i;
                var entry = new DirectLineLogEntry(sequence, fresh[i].Type, fresh[i].Json(sequence));
                entries.Add(entry);
                insert.Sql(i == 0 ? "" : ", ").Row<DirectLineActivity>(
                [
                    (Columns[0], conversationId), (Columns[1], sequence), (Columns[2], entry.Type), (Columns[3], entry.Json), (Columns[4], now),
                    (Columns[5], fresh[i].ClientActivityId),
                ]);
            }
            await write.ExecuteAsync(insert, cancellationToken);
            return (entries, already);
        }, cancellationToken);
        if (result.Already.Count == 0)
        {
            return result.Entries;
        }
        // A retry: what was logged the first time, then anything new, in the order given.
        var earlier = await db.DirectLineActivities().AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.ClientActivityId != null && result.Already.Contains(a.ClientActivityId))
            .Select(a => new DirectLineLogEntry(a.Sequence, a.Type, a.Json, true))
            .ToListAsync(cancellationToken);
        return [.. earlier.OrderBy(e => e.Sequence), .. result.Entries];
    }

    private static ModelSql LoggedClientIds(BotDbContext db, string conversationId, List<string> clientIds)
    {
        var sql = new ModelSql(db).Sql("SELECT ").Column<DirectLineActivity>(nameof(DirectLineActivity.ClientActivityId)).Sql(" AS \"Value\" FROM ")
            .Table<DirectLineActivity>()
            .Sql(" WHERE ").Column<DirectLineActivity>(nameof(DirectLineActivity.ConversationId)).Sql(" = ").Value<DirectLineActivity>(nameof(DirectLineActivity.ConversationId), conversationId)
            .Sql(" AND ").Column<DirectLineActivity>(nameof(DirectLineActivity.ClientActivityId)).Sql(" IN (");
        for (var i = 0; i < clientIds.Count; i++)
        {
            sql.Sql(i == 0 ? "" : ", ").Value<DirectLineActivity>(nameof(DirectLineActivity.ClientActivityId), clientIds[i]);
        }
        return sql.Sql(")");
    }

    private const string LastSequence = nameof(DirectLineConversation.LastSequence);

    private static readonly string[] Columns =
    [
        nameof(DirectLineActivity.ConversationId), nameof(DirectLineActivity.Sequence), nameof(DirectLineActivity.Type),
        nameof(DirectLineActivity.Json), nameof(DirectLineActivity.CreatedAt), nameof(DirectLineActivity.ClientActivityId),
    ];

    public async Task<IReadOnlyList<DirectLineLogEntry>> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.DirectLineActivities().AsNoTracking()
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
