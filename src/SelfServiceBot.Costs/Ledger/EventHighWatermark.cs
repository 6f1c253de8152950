using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>
/// The highest event Id below which no event can still appear. On PostgreSQL, ids come from a sequence when a row is
/// inserted but become visible at commit, so a higher id may be visible while a lower one is still in flight; projecting
/// past it would skip that event for ever. A SHARE lock waits for the transactions that are inserting events (and holds new
/// ones off for the instant it takes to read the maximum). SQLite serialises writers, so its maximum is already safe.
/// </summary>
internal static class EventHighWatermark
{
    public static async Task<long> ReadAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.ConversationEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"ConversationEvents\" IN SHARE MODE", cancellationToken);
        var max = await db.ConversationEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        await transaction.CommitAsync(cancellationToken);
        return max;
    }
}
