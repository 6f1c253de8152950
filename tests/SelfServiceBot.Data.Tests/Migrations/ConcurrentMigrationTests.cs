using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.Data.Tests.Migrations;

/// <summary>
/// Several instances migrating one empty database at the same moment (a scale-out's first start): each instance has its
/// own service provider, so its own context factory, connections and migrator, as separate processes would.
/// </summary>
public class ConcurrentMigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const int Instances = 4;
    private const int Rounds = 3;

    [Theory, MemberData(nameof(Providers))]
    public async Task Four_instances_migrating_an_empty_database_at_once_all_succeed_and_leave_one_complete_schema(DatabaseProvider provider)
    {
        for (var round = 0; round < Rounds; round++)
        {
            await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
            var instances = Enumerable.Range(0, Instances).Select(_ => db.AnotherInstance()).ToList();
            try
            {
                using var start = new Barrier(Instances);
                var migrations = instances.Select(services => Task.Run(async () =>
                {
                    var migrator = services.GetRequiredService<DatabaseMigrator>();
                    start.SignalAndWait();
                    return await migrator.MigrateAsync(CancellationToken.None);
                })).ToList();
                var applied = await Task.WhenAll(migrations);

                await using var context = db.Factory.CreateDbContext();
                var all = context.Database.GetMigrations().ToList();
                Assert.Equal(all, await context.Database.GetAppliedMigrationsAsync());
                Assert.Empty(await context.Database.GetPendingMigrationsAsync());
                // Each migration was applied by exactly one instance; the others found nothing pending.
                Assert.Equal(all.Order(), applied.SelectMany(a => a).Order());
                // The last migration's index exists once, and the tables answer.
                Assert.Equal(0, await context.ProcessedActivities().CountAsync());
            }
            finally
            {
                foreach (var instance in instances)
                {
                    await instance.DisposeAsync();
                }
            }
        }
    }
}
