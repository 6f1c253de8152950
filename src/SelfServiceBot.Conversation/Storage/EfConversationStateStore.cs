using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Conversation.Storage;

/// <summary>
/// One row per conversation. Updates are conditional on the version read (set-based, no tracking),
/// so two instances handling the same conversation at once cannot silently overwrite each other.
/// </summary>
internal sealed class EfConversationStateStore(IDbContextFactory<BotDbContext> factory, HotReads reads) : IConversationStateStore
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

    public async Task DeleteAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await db.ConversationStates().Where(s => s.ConversationKey == conversationKey).ExecuteDeleteAsync(cancellationToken);
    }
}
