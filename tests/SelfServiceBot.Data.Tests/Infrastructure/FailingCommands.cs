using System.Data.Common;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.Tests.Infrastructure;

/// <summary>Plays a database failure: every command whose text matches fails before it reaches the database.</summary>
internal sealed class FailingCommands(Func<string, bool> matches) : IDbCommandObserver
{
    public bool Armed { get; set; } = true;

    public void Executing(DbCommand command, object? transaction)
    {
        if (Armed && matches(command.CommandText))
        {
            throw new InvalidOperationException("the database failed (test)");
        }
    }
}
