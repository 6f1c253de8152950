using System.Data.Common;
using Microsoft.Data.Sqlite;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.HotPath;

/// <summary>
/// One open SQLite connection and the commands run on it, kept by SQL text: Microsoft.Data.Sqlite keeps a command's
/// statements prepared between runs, so a statement is parsed and planned once, not on every turn. Its transactions are
/// prepared statements too (SqliteTransaction prepares BEGIN and COMMIT anew each time). Used by one caller at a time
/// (<see cref="HotWrites"/>, <see cref="HotReads"/>). The set of texts is small (a multi-row insert has one per row count);
/// past <see cref="MaxCommands"/> the cache starts over rather than grow.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    private const int MaxCommands = 64;

    private readonly SqliteConnection _connection;
    private readonly IReadOnlyList<IDbCommandObserver> _observers;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    // What observers see as the transaction of a command: one object per transaction, as a DbTransaction would be.
    private object? _transaction;

    private SqliteStatements(SqliteConnection connection, IReadOnlyList<IDbCommandObserver> observers)
    {
        _connection = connection;
        _observers = observers;
    }

    public static SqliteStatements Open(string connectionString, IReadOnlyList<IDbCommandObserver> observers)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqlitePragmas.Pragmas;
            pragmas.ExecuteNonQuery();
            return new SqliteStatements(connection, observers);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public bool InTransaction => _transaction is not null;

    /// <summary>Whether SQLite itself holds a transaction open: after some errors (I/O, a full disk) it rolls back on its own.</summary>
    public bool InNativeTransaction => SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0;

    /// <summary>BEGIN IMMEDIATE, as EF Core's transactions on SQLite: the write lock is taken at once, not at the first write.</summary>
    public void Begin()
    {
        Command("BEGIN IMMEDIATE").ExecuteNonQuery();
        _transaction = new object();
    }

    public void Commit()
    {
        Command("COMMIT").ExecuteNonQuery();
        _transaction = null;
    }

    /// <summary>Marks where one unit of a group's writes starts (<see cref="HotWrites"/>); units do not nest.</summary>
    public void Savepoint() => Command("SAVEPOINT unit").ExecuteNonQuery();

    public void ReleaseSavepoint() => Command("RELEASE unit").ExecuteNonQuery();

    /// <summary>Undoes the unit's statements; the savepoint stays open until released.</summary>
    public void RollbackToSavepoint() => Command("ROLLBACK TO unit").ExecuteNonQuery();

    public void Rollback()
    {
        _transaction = null;
        Command("ROLLBACK").ExecuteNonQuery();
    }

    /// <summary>Runs the statements one by one; the rows they changed.</summary>
    public int Execute(ModelSql sql)
    {
        var changed = 0;
        foreach (var (text, parameters) in sql.Statements())
        {
            changed += Observed(text, parameters).ExecuteNonQuery();
        }
        return changed;
    }

    /// <summary>Each row a single statement returns, as <paramref name="read"/> makes it.</summary>
    public List<T> Query<T>(ModelSql sql, Func<DbDataReader, T> read)
    {
        var (text, parameters) = sql.Statements().Single();
        var rows = new List<T>();
        using var reader = Observed(text, parameters).ExecuteReader();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private SqliteCommand Observed(string text, IEnumerable<DbParameter> parameters)
    {
        var command = Command(text);
        command.Parameters.Clear();
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        foreach (var observer in _observers)
        {
            observer.Executing(command, _transaction);
        }
        return command;
    }

    private SqliteCommand Command(string text)
    {
        if (!_commands.TryGetValue(text, out var command))
        {
            if (_commands.Count >= MaxCommands)
            {
                DisposeCommands();
            }
            command = _connection.CreateCommand();
            command.CommandText = text;
            _commands.Add(text, command);
        }
        return command;
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }

    public void Dispose()
    {
        DisposeCommands();
        _connection.Dispose();
    }
}
