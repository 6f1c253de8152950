using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Costs.Demo;

/// <summary>Fills the ledger with demo contacts (Source = demo), replacing earlier demo data; real contacts are never touched.</summary>
public sealed class DemoData(IDbContextFactory<BotDbContext> factory, HotWrites writes, IOptions<CostsOptions> options, TimeProvider clock)
{
    public async Task<int> FillAsync(int months, int? contacts, int seed, CancellationToken cancellationToken)
    {
        var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        var from = to.AddMonths(-months);
        var total = contacts ?? 160 * (to.DayNumber - from.DayNumber);
        await using var db = factory.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Contacts().Where(c => c.Source == ContactSources.Demo).ExecuteDeleteAsync(cancellationToken);
        var generator = new DemoContactGenerator(seed);
        var written = await BulkContactWriter.WriteAsync(db, generator.Generate(from, to, total, options.Value.RecontactWindow), cancellationToken);
        await RecontactMarker.MarkAsync(factory, writes, DateTimeOffset.MinValue, cancellationToken);
        await ContactStatistics.RefreshAsync(db, cancellationToken);
        return written;
    }
}
