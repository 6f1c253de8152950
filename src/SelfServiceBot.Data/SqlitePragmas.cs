using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SelfServiceBot.Data;

/// <summary>
/// synchronous=NORMAL on every SQLite connection: in WAL mode a commit then needs no fsync of its own,
/// which is several times faster per turn. A crash of the app loses nothing (the WAL is in the OS
/// cache); only a power cut or OS crash may lose the last commits. PostgreSQL is the choice when that
/// matters (docs/database.md).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

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
