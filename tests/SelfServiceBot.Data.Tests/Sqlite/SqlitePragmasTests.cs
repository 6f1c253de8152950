using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.Data.Tests.Sqlite;

public class SqlitePragmasTests
{
    [Fact]
    public async Task Every_context_gets_a_connection_in_wal_mode_with_a_busy_timeout_and_synchronous_normal()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        // Several opens: the pooled native connection is configured once and keeps its settings.
        for (var i = 0; i < 3; i++)
        {
            await using var context = db.Factory.CreateDbContext();
            await context.Database.OpenConnectionAsync();
            Assert.Equal("wal", await PragmaAsync(context, "journal_mode"));
            Assert.Equal("10000", await PragmaAsync(context, "busy_timeout"));
            Assert.Equal("1", await PragmaAsync(context, "synchronous"));
        }
    }

    private static async Task<string> PragmaAsync(BotDbContext context, string name)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
