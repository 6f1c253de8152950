using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Reports;

/// <summary>
/// SQLite plans queries from statistics that only ANALYZE gathers; without them it reads a long period through the
/// StartedAt index and sorts, several times slower than the covering report index. PostgreSQL's autovacuum keeps its own.
/// </summary>
public static class ContactStatistics
{
    public static async Task RefreshAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Contacts\"", cancellationToken);
        }
    }
}
