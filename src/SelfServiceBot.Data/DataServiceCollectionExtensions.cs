using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Data.BotFramework;

namespace SelfServiceBot.Data;

public static class DataServiceCollectionExtensions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/selfservicebot.db";

    /// <summary>
    /// Registers the database (SQLite by default, PostgreSQL with <c>Database:Provider=Postgres</c>)
    /// and the protocol stores that live in it.
    /// </summary>
    public static IServiceCollection AddBotDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:SelfServiceBot is empty. " +
                        "Set it, e.g. Host=localhost;Database=selfservicebot;Username=bot;Password=...");
                }
                services.AddPooledDbContextFactory<PostgresBotDbContext>(o => o.UseNpgsql(connectionString));
                services.AddSingleton<IDbContextFactory<BotDbContext>, ProviderContextFactory<PostgresBotDbContext>>();
                break;
            default:
                var sqlite = PrepareSqlite(connectionString ?? DefaultSqliteConnectionString);
                services.AddPooledDbContextFactory<SqliteBotDbContext>(o => o.UseSqlite(sqlite));
                services.AddSingleton<IDbContextFactory<BotDbContext>, ProviderContextFactory<SqliteBotDbContext>>();
                break;
        }

        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<IProcessedActivityStore, EfProcessedActivityStore>();
        return services;
    }

    // A relative SQLite path is resolved against the working directory; its folder must exist first.
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<BotDbContext>
        where TContext : BotDbContext
    {
        public BotDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
