using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>
/// recontacted = a deflected contact whose customer starts another contact, neither unengaged nor without a customer id,
/// with started_at in (ended_at, ended_at + RecontactDays]. One set-based UPDATE; it recomputes (not only sets) the flag,
/// so a re-import that changes the later contact corrects it. It takes the ledger's lock first (<see cref="LedgerLock"/>).
/// </summary>
internal static class RecontactMarker
{
    /// <summary>Recomputes the flag of deflected contacts whose window starts at or after <paramref name="since"/>.</summary>
    public static async Task<int> MarkAsync(IDbContextFactory<BotDbContext> factory, HotWrites writes, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        return await writes.ExclusiveAsync(db, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await LedgerLock.TakeAsync(db, cancellationToken);
            var marked = await db.Contacts()
                .Where(c => c.RecontactWindowStart != null && c.RecontactWindowStart >= since && c.CustomerId != null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Recontacted, c => db.Contacts().Any(later =>
                    later.CustomerId == c.CustomerId
                    && later.Id != c.Id
                    && later.StartedAt > c.RecontactWindowStart
                    && later.StartedAt <= c.RecontactWindowEnd
                    && later.Outcome != ContactOutcomes.Unengaged
                    && (later.Outcome != null || later.HasCustomerMessage))), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return marked;
        }, cancellationToken);
    }
}
