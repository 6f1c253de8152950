using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SelfServiceBot.Data;

/// <summary>
/// Applies migrations (at start, or with the <c>migrate</c> verb), one instance at a time (<see cref="MigrationLock"/>), so
/// any number of instances may start at once on an empty database. SQLite also gets WAL so readers never block the writer.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<BotDbContext> factory, ILogger<DatabaseMigrator> logger)
{
    /// <returns>The migrations this call applied, in order: none when another instance had applied them all.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await using var migrationLock = await MigrationLock.AcquireAsync(db, logger, cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
        return pending;
    }

    /// <summary>The migrations the code knows, each with whether the database has it (a missing database has none).</summary>
    public async Task<IReadOnlyList<MigrationStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var applied = (await db.Database.CanConnectAsync(cancellationToken)
            ? await db.Database.GetAppliedMigrationsAsync(cancellationToken)
            : []).ToHashSet(StringComparer.Ordinal);
        return db.Database.GetMigrations().Select(id => new MigrationStatus(id, applied.Contains(id))).ToList();
    }
}

public sealed record MigrationStatus(string Id, bool Applied);
