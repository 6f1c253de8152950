using System.Data.Common;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.HotPath;

/// <summary>
/// What a unit of hot-path writes (<see cref="HotWrites.WriteAsync{T}"/>) runs its statements through: the group's
/// prepared SQLite connection, or the context's own connection on PostgreSQL.
/// </summary>
public sealed class HotWrite
{
    private readonly SqliteStatements? _sqlite;

    private HotWrite(SqliteStatements? sqlite) => _sqlite = sqlite;

    internal static HotWrite ThroughSqlite(SqliteStatements sqlite) => new(sqlite);

    internal static HotWrite ThroughContext() => new(null);

    /// <summary>True once <see cref="Discard"/> was called: nothing of this unit lands.</summary>
    public bool Discarded { get; private set; }

    /// <summary>Runs the statements; the rows they changed.</summary>
    public Task<int> ExecuteAsync(ModelSql sql, CancellationToken cancellationToken) =>
        _sqlite is null ? sql.ExecuteAsync(cancellationToken) : Task.FromResult(_sqlite.Execute(sql));

    /// <summary>A statement returning one column (e.g. <c>RETURNING "X" AS "Value"</c>).</summary>
    public Task<List<T>> QueryAsync<T>(ModelSql sql, CancellationToken cancellationToken) =>
        _sqlite is null ? sql.QueryAsync<T>(cancellationToken) : Task.FromResult(_sqlite.Query(sql, static (DbDataReader r) => r.GetFieldValue<T>(0)));

    /// <summary>Rolls this unit's statements back when it returns (e.g. a condition it checked did not hold).</summary>
    public void Discard() => Discarded = true;
}
