using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SelfServiceBot.Data.Sql;

/// <summary>
/// A query compiled once per model (EF Core refuses a compiled query on another model, and SQLite and PostgreSQL each have
/// their own), for reads that run on every turn: no translation and query-cache lookup each time.
/// </summary>
public sealed class CompiledQuery<TArgument, TResult>(
    Func<Func<BotDbContext, TArgument, CancellationToken, Task<TResult>>> compile)
{
    private readonly ConcurrentDictionary<IModel, Func<BotDbContext, TArgument, CancellationToken, Task<TResult>>> _byModel = new();

    public Task<TResult> RunAsync(BotDbContext db, TArgument argument, CancellationToken cancellationToken) =>
        _byModel.GetOrAdd(db.Model, _ => compile())(db, argument, cancellationToken);
}
