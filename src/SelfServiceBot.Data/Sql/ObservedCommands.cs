using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SelfServiceBot.Data.Sql;

/// <summary>Hands the commands EF Core sends to the registered <see cref="IDbCommandObserver"/>s.</summary>
internal sealed class ObservedCommands(IReadOnlyList<IDbCommandObserver> observers) : DbCommandInterceptor
{
    private static void Notify(IReadOnlyList<IDbCommandObserver> observers, DbCommand command)
    {
        foreach (var observer in observers)
        {
            observer.Executing(command, command.Transaction);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Notify(observers, command);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Notify(observers, command);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Notify(observers, command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Notify(observers, command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Notify(observers, command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Notify(observers, command);
        return ValueTask.FromResult(result);
    }
}
