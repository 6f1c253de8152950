using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SelfServiceBot.Data.Sql;

/// <summary>
/// Statements written from the model: tables and columns by the names the model maps them to, values converted as the
/// model stores them (SQLite keeps date-times as binary longs). For the few hot statements that LINQ and SaveChanges cannot
/// express in one go (an upsert, a multi-row insert, UPDATE ... RETURNING) or that run on every turn, where SaveChanges'
/// change tracking costs more than the statement itself. They run through EF Core's raw SQL API or, on the hot path, as
/// prepared commands (<see cref="HotPath.HotWrites"/>). Both providers take the same SQL.
/// </summary>
public sealed class ModelSql(DbContext db)
{
    // Names and type mappings per model, entity and property (null: the table), looked up once: a turn writes some fifty values.
    private static readonly ConcurrentDictionary<(IModel Model, Type Entity, string? Property), (string Name, RelationalTypeMapping? Mapping)> Mapped = new();

    private readonly StringBuilder _sql = new();
    private readonly List<DbParameter> _values = [];
    private readonly List<(int SqlStart, int ValueStart)> _statementStarts = [(0, 0)];
    private DbCommand? _parameterFactory;

    public ModelSql Sql(string sql)
    {
        _sql.Append(sql);
        return this;
    }

    /// <summary>Ends a statement; what follows is the next one of the same command.</summary>
    public ModelSql NextStatement()
    {
        _sql.Append(";\n");
        _statementStarts.Add((_sql.Length, _values.Count));
        return this;
    }

    /// <summary>
    /// Each statement with the parameters it uses. A command binds every parameter it has to each of its statements, and a
    /// name a statement lacks costs four failed lookups in Microsoft.Data.Sqlite; run one by one, each binds only its own.
    /// </summary>
    public IEnumerable<(string Text, ArraySegment<DbParameter> Parameters)> Statements()
    {
        var values = _values.ToArray();
        for (var i = 0; i < _statementStarts.Count; i++)
        {
            var (sqlStart, valueStart) = _statementStarts[i];
            var (sqlEnd, valueEnd) = i + 1 < _statementStarts.Count ? _statementStarts[i + 1] : (_sql.Length, values.Length);
            if (sqlEnd > sqlStart)
            {
                yield return (_sql.ToString(sqlStart, sqlEnd - sqlStart), new ArraySegment<DbParameter>(values, valueStart, valueEnd - valueStart));
            }
        }
    }

    public ModelSql Table<TEntity>()
    {
        _sql.Append(Map<TEntity>(null).Name);
        return this;
    }

    public ModelSql Column<TEntity>(string property)
    {
        _sql.Append(Map<TEntity>(property).Name);
        return this;
    }

    /// <summary>"Table"."Column", for an upsert's WHERE (SQLite and PostgreSQL both want the target table named there).</summary>
    public ModelSql QualifiedColumn<TEntity>(string property) => Table<TEntity>().Sql(".").Column<TEntity>(property);

    /// <summary>"(Column, Column, ...)".</summary>
    public ModelSql Columns<TEntity>(params string[] properties)
    {
        _sql.Append('(');
        for (var i = 0; i < properties.Length; i++)
        {
            if (i > 0)
            {
                _sql.Append(", ");
            }
            Column<TEntity>(properties[i]);
        }
        _sql.Append(')');
        return this;
    }

    /// <summary>
    /// A parameter holding <paramref name="value"/> as the model stores <typeparamref name="TEntity"/>.<paramref name="property"/>
    /// (its type mapping makes the parameter: value converter, database type, nulls).
    /// </summary>
    public ModelSql Value<TEntity>(string property, object? value)
    {
        var mapping = Map<TEntity>(property).Mapping!;
        _parameterFactory ??= db.Database.GetDbConnection().CreateCommand();
        // Named with the prefix the SQL uses: Microsoft.Data.Sqlite binds "@p0" at once, while a bare "p0" costs a failed
        // lookup and then one per prefix tried, in every statement of the command (a third of a turn's write, measured).
        var name = $"@p{_values.Count}";
        _sql.Append(name);
        _values.Add(mapping.CreateParameter(_parameterFactory, name, value, nullable: true));
        return this;
    }

    /// <summary>"(value, value, ...)" for the given properties of one row.</summary>
    public ModelSql Row<TEntity>(IReadOnlyList<(string Property, object? Value)> row)
    {
        _sql.Append('(');
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0)
            {
                _sql.Append(", ");
            }
            Value<TEntity>(row[i].Property, row[i].Value);
        }
        _sql.Append(')');
        return this;
    }

    /// <summary>Runs the statements (in the context's transaction, if any); the rows they changed.</summary>
    public Task<int> ExecuteAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(_sql.ToString(), _values, cancellationToken);

    /// <summary>A statement returning one column named "Value" (e.g. <c>RETURNING "X" AS "Value"</c>).</summary>
    public Task<List<T>> QueryAsync<T>(CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<T>(_sql.ToString(), [.. _values.Cast<object>()]).ToListAsync(cancellationToken);

    /// <summary>The delimited table (no property) or column name, and the column's type mapping.</summary>
    private (string Name, RelationalTypeMapping? Mapping) Map<TEntity>(string? property) =>
        Mapped.GetOrAdd((db.Model, typeof(TEntity), property), static (key, db) =>
        {
            var names = db.GetService<ISqlGenerationHelper>();
            var entity = key.Model.FindEntityType(key.Entity) ?? throw new InvalidOperationException($"{key.Entity.Name} is not in the model.");
            if (key.Property is null)
            {
                return (names.DelimitIdentifier(entity.GetTableName()!), null);
            }
            var column = entity.FindProperty(key.Property) ?? throw new InvalidOperationException($"{key.Entity.Name}.{key.Property} is not in the model.");
            return (names.DelimitIdentifier(column.GetColumnName()), (RelationalTypeMapping)column.GetTypeMapping());
        }, db);
}
