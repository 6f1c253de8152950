using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SelfServiceBot.Data;

/// <summary>Applies migrations at start; SQLite also gets WAL so readers never block the writer.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<BotDbContext> factory, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, pending);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
