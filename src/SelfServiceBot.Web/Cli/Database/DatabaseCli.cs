using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data;
using SelfServiceBot.Web.Persistence;

namespace SelfServiceBot.Web.Cli.Database;

/// <summary>The database the server uses (its appsettings.json and environment), for the migrate, backup and restore verbs.</summary>
internal static class DatabaseCli
{
    /// <summary>Only the database: these verbs must not migrate it first (backup reads it as it is, --check only looks).</summary>
    public static ServiceProvider BuildServices()
    {
        var builder = CliHost.CreateBuilder();
        builder.Logging.AddStandardErrorLog();
        builder.Services.AddBotDatabase();
        return builder.Services.BuildServiceProvider();
    }

    public static DatabaseProvider Provider(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;

    /// <summary>The SQLite file's full path, resolved against the content root as the server does.</summary>
    public static string SqlitePath(IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        return new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
    }

    public static IReadOnlyCollection<string> KnownMigrations(IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        return db.Database.GetMigrations().ToList();
    }

    public static async Task<int> UsageErrorAsync(string message, string usage)
    {
        await Console.Error.WriteLineAsync(message);
        await Console.Error.WriteLineAsync("usage:\n" + usage);
        return 2;
    }
}
