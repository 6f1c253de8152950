using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfServiceBot.Costs.Import;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Costs.Tests.Import;

/// <summary>Two imports of the same new contact_ids at once: each contact is stored once and neither import fails.</summary>
public class ConcurrentImportTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static string File(int rows, string outcome = "human_direct") => string.Join('\n',
        Enumerable.Range(1, rows).Select(i => $"call-{i},cust-{i % 97},phone,en,2026-03-{1 + i % 28:00}T09:{i % 60:00}:00Z,,{outcome},payment,,,{1 + i % 9},,,")
            .Prepend(ContactCsv.Header));

    private static async Task<int> CountAsync(LedgerHarness h)
    {
        await using var db = h.Factory.CreateDbContext();
        return await db.Contacts().CountAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_contact_id_another_import_inserts_between_the_read_and_the_write_is_updated_not_duplicated(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        // The other import's row arrives just before this import writes its batch (which found no call-1 when it read).
        var racing = new RacingFactory(h.Factory, () =>
        {
            using var db = h.Factory.CreateDbContext();
            db.Contacts().Add(new ContactRecord
            {
                Source = ContactSources.Import, ContactKey = "call-1", StartedAt = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
                Outcome = ContactOutcomes.Escalated, StartedDay = 0,
            });
            db.SaveChanges();
        });
        var importer = new ContactImporter(racing, h.Services.GetRequiredService<HotWrites>(), h.Services.GetRequiredService<IOptions<CostsOptions>>(), NullLogger<ContactImporter>.Instance);

        var result = await importer.ImportAsync(new StringReader(File(3)), default);

        Assert.True(racing.Raced);
        Assert.Equal((2, 1, 0), (result.Inserted, result.Updated, result.Errors.Count));
        var contacts = await h.ContactsAsync();
        Assert.Equal(3, contacts.Count);
        Assert.Equal(ContactOutcomes.HumanDirect, contacts.Single(c => c.ContactKey == "call-1").Outcome);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Four_imports_of_the_same_file_at_once_store_each_contact_once(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        var importer = h.Services.GetRequiredService<ContactImporter>();
        const int rows = 2500;   // three batches each

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => importer.ImportAsync(new StringReader(File(rows)), default))));

        Assert.Equal(rows, await CountAsync(h));
        Assert.Equal(rows, results.Sum(r => r.Inserted));
        Assert.All(results, r => Assert.Equal((rows, 0), (r.Inserted + r.Updated, r.Errors.Count)));
        // And once more, as a re-import: every row an update.
        var again = await importer.ImportAsync(new StringReader(File(rows, "escalated")), default);
        Assert.Equal((0, rows), (again.Inserted, again.Updated));
        Assert.Equal(rows, await CountAsync(h));
    }

    /// <summary>Runs <paramref name="race"/> once, just before the first SaveChanges of any context it hands out.</summary>
    private sealed class RacingFactory(IDbContextFactory<BotDbContext> inner, Action race) : IDbContextFactory<BotDbContext>
    {
        private int _raced;

        public bool Raced => _raced == 1;

        public BotDbContext CreateDbContext()
        {
            var db = inner.CreateDbContext();
            db.SavingChanges += BeforeSave;
            return db;

            void BeforeSave(object? sender, SavingChangesEventArgs e)
            {
                db.SavingChanges -= BeforeSave;
                if (Interlocked.Exchange(ref _raced, 1) == 0)
                {
                    race();
                }
            }
        }
    }
}
