using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SelfServiceBot.Data.Tests.Infrastructure;

/// <summary>Plays a database failure: every command whose text matches fails before it reaches the database.</summary>
internal sealed class FailingCommands(Func<string, bool> matches) : DbCommandInterceptor
{
    public bool Armed { get; set; } = true;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        if (Armed && matches(command.CommandText))
        {
            throw new InvalidOperationException("the database failed (test)");
        }
    }
}
