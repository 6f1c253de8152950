using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SelfServiceBot.Data;

/// <summary>
/// Per-connection SQLite settings.
/// synchronous=NORMAL: in WAL mode a commit then needs no fsync of its own. A crash of the app loses nothing (the WAL is
/// in the OS cache); only a power cut or OS crash may lose the last commits (PostgreSQL when that matters, docs/database.md).
/// busy_timeout: SQLite's own busy handler retries a locked write within milliseconds; without it Microsoft.Data.Sqlite
/// sleeps 150 ms per retry, which under concurrent turns made p95 latencies several hundred milliseconds.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
