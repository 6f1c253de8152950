using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.HotPath;

/// <summary>
/// The writes every turn makes (the activity's claim, the end of the turn, the Direct Line log), as <see cref="ModelSql"/>.
/// <para>
/// SQLite: one writer at a time, and they queue here, asynchronously and first come first served. A writer that found the
/// database locked would sleep in growing steps (1, 2, 5, 10 ms, ...) on a blocked thread, so under concurrent turns the
/// lock often sat free while writers slept. Whoever's turn it is writes through one long-lived connection that keeps its
/// statements prepared (<see cref="SqliteStatements"/>): preparing, binding and EF Core's command pipeline cost more than
/// the statements themselves (a turn's write 0.45 ms through EF Core, docs/benchmarks.md). Other writers (another instance
/// on the same file, background jobs) still meet SQLite's busy timeout.
/// </para>
/// <para>PostgreSQL locks rows, not the database: no queue, and the statements go through the context as usual.</para>
/// </summary>
public sealed class HotWrites(IEnumerable<IDbCommandObserver> observers) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IDbCommandObserver[] _observers = [.. observers];
    private SqliteStatements? _sqlite;
    private bool _disposed;

    /// <summary>
    /// Starts writing to <paramref name="db"/>'s database. With <paramref name="transaction"/>, nothing lands until
    /// <see cref="HotWrite.CommitAsync"/>; disposing the write without committing rolls it back. Dispose it promptly: on
    /// SQLite the next writer waits for it.
    /// </summary>
    internal async ValueTask<HotWrite> BeginAsync(BotDbContext db, bool transaction, CancellationToken cancellationToken)
    {
        if (db is not SqliteBotDbContext)
        {
            return HotWrite.ThroughContext(transaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null);
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _sqlite ??= SqliteStatements.Open(db.Database.GetConnectionString()!, _observers);
            if (transaction)
            {
                _sqlite.Begin();
            }
            return HotWrite.ThroughSqlite(this, _sqlite);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// <summary>Lets the next writer in; a connection left in doubt (a failed rollback) is closed and the next one opens anew.</summary>
    internal void Release(SqliteStatements used, bool broken)
    {
        if (broken && ReferenceEquals(used, _sqlite))
        {
            _sqlite = null;
            used.Dispose();
        }
        _gate.Release();
    }

    public void Dispose()
    {
        // Waits for a write in flight; the host stops only after its requests finished, so this is short. A write still
        // holding the connection after that keeps it: closing it under that write would be worse than leaving it to the exit.
        if (!_gate.Wait(TimeSpan.FromSeconds(10)))
        {
            _disposed = true;
            return;
        }
        _disposed = true;
        _sqlite?.Dispose();
        _sqlite = null;
        _gate.Release();
    }
}
