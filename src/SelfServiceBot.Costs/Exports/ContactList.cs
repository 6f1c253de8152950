using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Exports;

/// <summary>The period's contacts with an outcome, in start order, streamed from the database.</summary>
public sealed class ContactList(IDbContextFactory<BotDbContext> factory)
{
    public async IAsyncEnumerable<ContactRecord> ReadAsync(DateOnly from, DateOnly to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Create(from, to);
        var (start, end) = (period.Start, period.End);
        await using var db = factory.CreateDbContext();
        var contacts = db.Contacts().AsNoTracking()
            .Where(c => c.Outcome != null && c.StartedAt >= start && c.StartedAt < end)
            .OrderBy(c => c.StartedAt).ThenBy(c => c.Id)
            .AsAsyncEnumerable();
        await foreach (var contact in contacts.WithCancellation(cancellationToken))
        {
            yield return contact;
        }
    }
}
