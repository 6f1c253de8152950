using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Conversation.Storage;

/// <summary>
/// One row per conversation. Updates are conditional on the version read (set-based, no tracking),
/// so two instances handling the same conversation at once cannot silently overwrite each other.
/// </summary>
internal sealed class EfConversationStateStore(IDbContextFactory<BotDbContext> factory, HotReads reads, TimeProvider clock) : IConversationStateStore
{
    // Read on every turn: a prepared statement (HotReads), not an EF Core query.
    public async Task<StoredConversationState?> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var sql = new ModelSql(db)
            .Sql("SELECT ").Column<ConversationStateRecord>(nameof(ConversationStateRecord.Json))
            .Sql(", ").Column<ConversationStateRecord>(nameof(ConversationStateRecord.Version))
            .Sql(" FROM ").Table<ConversationStateRecord>()
            .Sql(" WHERE ").Column<ConversationStateRecord>(nameof(ConversationStateRecord.ConversationKey))
            .Sql(" = ").Value<ConversationStateRecord>(nameof(ConversationStateRecord.ConversationKey), conversationKey);
        var rows = await reads.QueryAsync(db, sql, static r => new StoredConversationState(r.GetString(0), r.GetInt32(1)), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> TrySaveAsync(string conversationKey, string json, int? expectedVersion, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        if (expectedVersion is not { } version)
        {
            db.ConversationStates().Add(new ConversationStateRecord { ConversationKey = conversationKey, Json = json, Version = 1, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }
        var updated = await db.ConversationStates()
            .Where(s => s.ConversationKey == conversationKey && s.Version == version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Json, json)
                .SetProperty(x => x.Version, version + 1)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        return updated == 1;
    }

    public async Task DeleteAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await db.ConversationStates().Where(s => s.ConversationKey == conversationKey).ExecuteDeleteAsync(cancellationToken);
    }
}
