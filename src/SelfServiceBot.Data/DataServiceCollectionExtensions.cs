using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data.HotPath;
using SelfServiceBot.Data.Model;
using SelfServiceBot.Data.Privacy;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data;

public static class DataServiceCollectionExtensions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/selfservicebot.db";

    /// <summary>
    /// Registers the database (SQLite by default, PostgreSQL with <c>Database:Provider=Postgres</c>)
    /// composed of the given modules' tables, with the event log every module shares. Configuration is read when the first context is made,
    /// so hosts and tests may still override it after this call. EF Core interceptors registered as
    /// <see cref="IInterceptor"/> services are added to every context; <see cref="IDbCommandObserver"/> services see every
    /// command, also those of the hot-path writer that bypasses EF Core (diagnostics, tests that count or fail commands).
    /// </summary>
    /// <param name="modules">The modules whose tables the database holds: all of them, as the migrations describe every table.</param>
    public static IServiceCollection AddBotDatabase(this IServiceCollection services, IReadOnlyList<DataModule> modules)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);
        services.AddPrivacy();
        services.AddConversationEvents();
        services.AddPooledDbContextFactory<SqliteBotDbContext>((sp, o) =>
            o.UseSqlite(PrepareSqlite(ConnectionString(sp) ?? DefaultSqliteConnectionString, sp.GetService<IHostEnvironment>()?.ContentRootPath))
                .AddInterceptors([new SqlitePragmas(), .. Interceptors(sp)])
                .UseDataModules(modules));
        services.AddPooledDbContextFactory<PostgresBotDbContext>((sp, o) =>
            o.UseNpgsql(ConnectionString(sp) ?? throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:SelfServiceBot is empty. " +
                "Set it, e.g. Host=localhost;Database=selfservicebot;Username=bot;Password=..."))
                .AddInterceptors(Interceptors(sp))
                .UseDataModules(modules));
        services.AddSingleton<IDbContextFactory<BotDbContext>, ProviderContextFactory>();

        services.AddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<HotWrites>();
        services.AddSingleton<HotReads>();
        services.AddHostedService<DatabaseMigrationService>();
        services.AddConversationEvents();
        return services;
    }

    private static IEnumerable<IInterceptor> Interceptors(IServiceProvider sp) =>
        sp.GetServices<IDbCommandObserver>().ToList() is { Count: > 0 } observers
            ? [new ObservedCommands(observers), .. sp.GetServices<IInterceptor>()]
            : sp.GetServices<IInterceptor>();

    private static string? ConnectionString(IServiceProvider sp) =>
        sp.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName) is { Length: > 0 } cs ? cs : null;

    // A relative SQLite path is resolved against the content root, like the knowledge base and index paths (the
    // working directory when there is no host); its folder must exist first.
    private static string PrepareSqlite(string connectionString, string? contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.GetFullPath(builder.DataSource, contentRoot ?? Directory.GetCurrentDirectory());
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>Hands out contexts of the configured provider as the common <see cref="BotDbContext"/>.</summary>
    private sealed class ProviderContextFactory(IServiceProvider services, IOptions<DatabaseOptions> options) : IDbContextFactory<BotDbContext>
    {
        private readonly Func<BotDbContext> _create = options.Value.Provider switch
        {
            DatabaseProvider.Postgres => services.GetRequiredService<IDbContextFactory<PostgresBotDbContext>>().CreateDbContext,
            _ => services.GetRequiredService<IDbContextFactory<SqliteBotDbContext>>().CreateDbContext,
        };

        public BotDbContext CreateDbContext() => _create();
    }
}
