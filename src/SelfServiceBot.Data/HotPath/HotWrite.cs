using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.HotPath;

/// <summary>One unit of hot-path writes (<see cref="HotWrites"/>): its statements, in a transaction when it has one.</summary>
internal sealed class HotWrite : IAsyncDisposable
{
    private readonly HotWrites? _owner;
    private readonly SqliteStatements? _sqlite;
    private readonly IDbContextTransaction? _contextTransaction;
    private bool _disposed;

    private HotWrite(HotWrites? owner, SqliteStatements? sqlite, IDbContextTransaction? contextTransaction)
    {
        _owner = owner;
        _sqlite = sqlite;
        _contextTransaction = contextTransaction;
    }

    public static HotWrite ThroughSqlite(HotWrites owner, SqliteStatements sqlite) => new(owner, sqlite, null);

    public static HotWrite ThroughContext(IDbContextTransaction? transaction) => new(null, null, transaction);

    /// <summary>Runs the statements; the rows they changed.</summary>
    public Task<int> ExecuteAsync(ModelSql sql, CancellationToken cancellationToken) =>
        _sqlite is null ? sql.ExecuteAsync(cancellationToken) : Task.FromResult(_sqlite.Execute(sql));

    /// <summary>A statement returning one column (e.g. <c>RETURNING "X" AS "Value"</c>).</summary>
    public Task<List<T>> QueryAsync<T>(ModelSql sql, CancellationToken cancellationToken) =>
        _sqlite is null ? sql.QueryAsync<T>(cancellationToken) : Task.FromResult(_sqlite.Query(sql, static (DbDataReader r) => r.GetFieldValue<T>(0)));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_sqlite is { InTransaction: true })
        {
            _sqlite.Commit();
        }
        else if (_contextTransaction is not null)
        {
            await _contextTransaction.CommitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_contextTransaction is not null)
        {
            await _contextTransaction.DisposeAsync();
        }
        if (_owner is null || _sqlite is null)
        {
            return;
        }
        var broken = false;
        if (_sqlite.InTransaction)
        {
            try
            {
                _sqlite.Rollback();
            }
            catch (Exception)
            {
                // SQLite may have rolled back itself (I/O error, disk full); either way this connection is not trusted again.
                broken = true;
            }
        }
        _owner.Release(_sqlite, broken);
    }
}
