using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data.Model;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.KnowledgeDrafts.Storage;

namespace SelfServiceBot.Data.Tests.Infrastructure;

/// <summary>
/// A migrated, empty database of either provider, with the app's own service registrations:
/// a SQLite file in a temp folder, or a fresh PostgreSQL database on the server named by
/// SSB_TEST_POSTGRES (test.sh installs and starts one; scripts/start-test-postgres.sh prints it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SSB_TEST_POSTGRES";

    /// <summary>Every module that owns tables, as the app composes them: the migrations describe all of them.</summary>
    public static IReadOnlyList<DataModule> Modules { get; } = [new BotFrameworkData(), new ConversationData(), new HandoffData(), new CostsData(), new KnowledgeDraftsData()];

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private TestDatabase(ServiceProvider services, string? sqliteDirectory, string? postgresAdmin, string? postgresDatabase)
    {
        Services = services;
        _sqliteDirectory = sqliteDirectory;
        _postgresAdmin = postgresAdmin;
        _postgresDatabase = postgresDatabase;
    }

    public ServiceProvider Services { get; }

    public IDbContextFactory<BotDbContext> Factory => Services.GetRequiredService<IDbContextFactory<BotDbContext>>();

    /// <param name="configure">Extra services, e.g. an EF Core interceptor that fails chosen commands.</param>
    /// <param name="settings">Configuration beside the database's (e.g. Handoff:...).</param>
    /// <param name="migrate">False leaves the database empty (no tables at all), for the tests of migrating itself.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null, bool migrate = true)
    {
        string connectionString;
        string? sqliteDirectory = null, admin = null, database = null;
        if (provider == DatabaseProvider.Sqlite)
        {
            sqliteDirectory = Path.Combine(Path.GetTempPath(), "ssb-tests", Guid.NewGuid().ToString("N"));
            connectionString = $"Data Source={Path.Combine(sqliteDirectory, "bot.db")}";
        }
        else
        {
            admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set: run ./test.sh, or export {PostgresVariable}=$(scripts/start-test-postgres.sh)");
            }
            database = "ssb_" + Guid.NewGuid().ToString("N");
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(admin);
                    await connection.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                    await create.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == "55006" && attempt < 5)
                {
                    // "template1 is being accessed by other users": another test class is creating its database right now.
                    await Task.Delay(200 * attempt);
                }
            }
            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        }

        var services = BuildServices(provider, connectionString, configure, settings);
        if (migrate)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }
        return new TestDatabase(services, sqliteDirectory, admin, database) { _provider = provider, _connectionString = connectionString };
    }

    private DatabaseProvider _provider;
    private string _connectionString = "";

    /// <summary>The settings that put another host (e.g. an app under test) on this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = _provider.ToString(),
        ["ConnectionStrings:SelfServiceBot"] = _connectionString,
    };

    /// <summary>The app's services of another instance on the same database (its own connections, caches and gates).</summary>
    /// <param name="configure">Extra services, as for <see cref="CreateAsync"/>.</param>
    /// <param name="settings">Its configuration beside the database's (e.g. its own Knowledge:IndexPath).</param>
    public ServiceProvider AnotherInstance(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null) =>
        BuildServices(_provider, _connectionString, configure, settings);

    private static ServiceProvider BuildServices(DatabaseProvider provider, string connectionString, Action<IServiceCollection>? configure,
        IDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:SelfServiceBot"] = connectionString,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddBotDatabase(Modules)
            .AddBotFrameworkStorage()
            .AddConversationData();
        configure?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteDirectory, recursive: true); } catch (IOException) { }
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            // FORCE cannot end a backend of another role (an autovacuum worker that just connected): cleaning
            // up is retried, and a database left behind is not the test's failure.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException ex) when (ex.SqlState is "42501" or "55006" && attempt < 5)
                {
                    await Task.Delay(200 * attempt);
                }
                catch (PostgresException) when (attempt >= 5)
                {
                    break;
                }
            }
        }
    }
}
