using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.HotPath;

/// <summary>
/// The reads every turn makes (the conversation's state), as <see cref="ModelSql"/>. SQLite: from a few idle connections
/// that keep their statements prepared (<see cref="SqliteStatements"/>), taken by one reader at a time; in WAL mode readers
/// never wait for the writer. EF Core's compiled query took 0.13 ms for the state; most of it was EF Core's pipeline and
/// preparing the statement. PostgreSQL: through the context's own connection.
/// </summary>
public sealed class HotReads(IEnumerable<IDbCommandObserver> observers) : IDisposable
{
    // More than the cores that could use them at once; a burst beyond that opens connections that are closed after use.
    private const int MaxIdle = 8;

    private readonly IDbCommandObserver[] _observers = [.. observers];
    private readonly ConcurrentBag<SqliteStatements> _idle = [];
    private bool _disposed;

    /// <summary>Each row the statement returns, as <paramref name="read"/> makes it.</summary>
    public async Task<List<T>> QueryAsync<T>(BotDbContext db, ModelSql sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        if (db is not SqliteBotDbContext)
        {
            return await QueryThroughContextAsync(db, sql, read, cancellationToken);
        }
        ObjectDisposedException.ThrowIf(_disposed, this);
        var statements = _idle.TryTake(out var idle) ? idle : SqliteStatements.Open(db.Database.GetConnectionString()!, _observers);
        List<T> rows;
        try
        {
            rows = statements.Query(sql, read);
        }
        catch
        {
            statements.Dispose();
            throw;
        }
        if (_disposed || _idle.Count >= MaxIdle)
        {
            statements.Dispose();
        }
        else
        {
            _idle.Add(statements);
        }
        return rows;
    }

    private async Task<List<T>> QueryThroughContextAsync<T>(BotDbContext db, ModelSql sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var (text, parameters) = sql.Statements().Single();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = text;
            command.Parameters.AddRange(parameters.ToArray());
            foreach (var observer in _observers)
            {
                observer.Executing(command, null);
            }
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var statements))
        {
            statements.Dispose();
        }
    }
}
