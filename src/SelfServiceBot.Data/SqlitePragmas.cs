using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SelfServiceBot.Data;

/// <summary>
/// Per-connection SQLite settings.
/// synchronous=NORMAL: in WAL mode a commit then needs no fsync of its own. A crash of the app loses nothing (the WAL is
/// in the OS cache); only a power cut or OS crash may lose the last commits (PostgreSQL when that matters, docs/database.md).
/// busy_timeout: SQLite's own busy handler retries a locked write within milliseconds; without it Microsoft.Data.Sqlite
/// sleeps 150 ms per retry, which under concurrent turns made p95 latencies several hundred milliseconds.
/// Both belong to the native connection, which Microsoft.Data.Sqlite pools: they are set once per native connection,
/// not on every open (which was one more statement for every database call).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsConfigured(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Configured(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Configured(connection);
        }
    }

    // The native handle outlives the SqliteConnection that opened it; a new handle (new or re-opened file) is configured again.
    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void Configured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, handle);
        }
    }
}
