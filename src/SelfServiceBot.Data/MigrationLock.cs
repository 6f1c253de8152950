using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SelfServiceBot.Data;

/// <summary>
/// Lets one instance at a time migrate a database: the others wait, then find nothing pending. EF Core's own migration
/// lock did not keep two instances starting on an empty PostgreSQL database from both creating the same index (42P07,
/// issue 18; ConcurrentMigrationTests), and it says nothing about which instance applied what.
/// PostgreSQL: a session-level advisory lock on a dedicated, unpooled connection (released by the server if the process
/// dies). SQLite: an exclusive OS lock (flock) on a file next to the database file, released by the OS likewise.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>The same in every instance and version ("SSB_MIGR"); advisory locks are per database, so tests do not collide.</summary>
    public const long AdvisoryLockKey = 0x5353_425F_4D49_4752;

    private static readonly TimeSpan SqlitePollInterval = TimeSpan.FromMilliseconds(100);

    private readonly NpgsqlConnection? _postgres;
    private readonly FileStream? _file;

    private MigrationLock(NpgsqlConnection? postgres, FileStream? file)
    {
        _postgres = postgres;
        _file = file;
    }

    public static async Task<MigrationLock> AcquireAsync(BotDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return new MigrationLock(await LockPostgresAsync(db, logger, cancellationToken), null);
        }
        return db.Database.GetConnectionString() is { } cs && SqliteFile(cs) is { } path
            ? new MigrationLock(null, await LockFileAsync(path + ".migrate-lock", logger, cancellationToken))
            : new MigrationLock(null, null);
    }

    private static async Task<NpgsqlConnection> LockPostgresAsync(BotDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        // The lock lives in the database, so the database must exist first (EF's Migrate would create it; two instances
        // may both try, and the one that loses finds it there).
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
            }
        }
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!await ScalarAsync<bool>(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken))
            {
                logger.LogInformation("Waiting for another instance to finish migrating the database");
                await ScalarAsync<object>(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string? SqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    // FileShare.None takes an exclusive flock on Unix (a share-mode lock on Windows): a second process, or a second
    // instance in this process, cannot open the file until the first disposes it.
    private static async Task<FileStream> LockFileAsync(string path, ILogger logger, CancellationToken cancellationToken)
    {
        for (var waited = false; ; waited = true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!waited)
                {
                    logger.LogInformation("Waiting for another instance to finish migrating the database ({LockFile})", path);
                }
                await Task.Delay(SqlitePollInterval, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            try
            {
                await ScalarAsync<bool>(_postgres, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
            }
            finally
            {
                // Closing the session releases the lock anyway; the unlock above just does not wait for it.
                await _postgres.DisposeAsync();
            }
        }
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
