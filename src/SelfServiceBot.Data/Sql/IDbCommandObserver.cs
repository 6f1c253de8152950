using System.Data.Common;

namespace SelfServiceBot.Data.Sql;

/// <summary>
/// Sees every command the app sends to the database just before it runs, through EF Core and through the hot-path writer
/// alike (<see cref="HotPath.HotWrites"/>, which keeps its own prepared commands and so bypasses EF Core's interceptors).
/// Registered as a service; for diagnostics and for tests that count statements or play a failing database (an exception
/// thrown here fails the command before it reaches the database).
/// </summary>
public interface IDbCommandObserver
{
    /// <param name="transaction">The transaction the command runs in (the same object for each of its commands), or null.</param>
    void Executing(DbCommand command, object? transaction);
}
