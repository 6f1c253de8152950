using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.Conversations;

/// <summary>
/// One row per conversation. Updates are conditional on the version read (set-based, no tracking),
/// so two instances handling the same conversation at once cannot silently overwrite each other.
/// </summary>
internal sealed class EfConversationStateStore(IDbContextFactory<BotDbContext> factory, TimeProvider clock) : IConversationStateStore
{
    // Read on every turn: compiled once, not translated and looked up in the query cache each time.
    private static readonly CompiledQuery<string, StoredConversationState?> Load = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, string key, CancellationToken _) => db.ConversationStates.AsNoTracking()
            .Where(s => s.ConversationKey == key)
            .Select(s => new StoredConversationState(s.Json, s.Version))
            .FirstOrDefault()));

    public async Task<StoredConversationState?> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await Load.RunAsync(db, conversationKey, cancellationToken);
    }

    public async Task<bool> TrySaveAsync(string conversationKey, string json, int? expectedVersion, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        if (expectedVersion is not { } version)
        {
            db.ConversationStates.Add(new ConversationStateRecord { ConversationKey = conversationKey, Json = json, Version = 1, UpdatedAt = now });
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
        var updated = await db.ConversationStates
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
        await db.ConversationStates.Where(s => s.ConversationKey == conversationKey).ExecuteDeleteAsync(cancellationToken);
    }
}
