using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>
/// The contact ledger's lock: a write to its one ContactProjections row, held until the transaction ends. Every transaction
/// that changes contacts in bulk takes it first, so on PostgreSQL two instances (or an import beside the ledger) queue here
/// instead of locking the same contacts in different orders, which PostgreSQL ends by aborting one as a deadlock.
/// </summary>
internal static class LedgerLock
{
    public static Task TakeAsync(BotDbContext db, CancellationToken cancellationToken) => db.ContactProjections()
        .Where(p => p.Name == ContactProjectionState.ContactsName)
        .ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
}
