using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Customers;
using SelfServiceBot.Handoff.Desk;

namespace SelfServiceBot.Handoff.Tests.Infrastructure;

/// <summary>
/// The hand-off desk as the app wires it, on a migrated empty database of either provider (SQLite file, or a fresh
/// PostgreSQL database on SSB_TEST_POSTGRES). What the desk writes to customers is kept in <see cref="Sent"/>.
/// </summary>
public sealed class DeskDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private DeskDatabase(ServiceProvider services, string? sqliteDirectory, string? admin, string? database)
    {
        _services = services;
        _sqliteDirectory = sqliteDirectory;
        _postgresAdmin = admin;
        _postgresDatabase = database;
    }

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public HandoffDesk Desk => _services.GetRequiredService<HandoffDesk>();
    public AgentDirectory Agents => _services.GetRequiredService<AgentDirectory>();
    public RecordingMessenger Sent => (RecordingMessenger)_services.GetRequiredService<ICustomerMessenger>();
    public IServiceProvider Services => _services;

    public static async Task<DeskDatabase> CreateAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        string connectionString;
        string? directory = null, admin = null, database = null;
        if (provider == DatabaseProvider.Sqlite)
        {
            directory = Path.Combine(Path.GetTempPath(), "ssb-tests", Guid.NewGuid().ToString("N"));
            connectionString = $"Data Source={Path.Combine(directory, "bot.db")}";
        }
        else
        {
            admin = Environment.GetEnvironmentVariable("SSB_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new InvalidOperationException("SSB_TEST_POSTGRES is not set: run ./test.sh, or export SSB_TEST_POSTGRES=$(scripts/start-test-postgres.sh)");
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
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:SelfServiceBot"] = connectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(clock ?? TimeProvider.System)
            .AddSingleton<ICustomerMessenger, RecordingMessenger>()
            .AddBotDatabase()
            .AddConversationData()
            .AddHandoff()
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new DeskDatabase(services, directory, admin, database);
    }

    public static NewHandoff Request(string conversationId, string locale = "en", string reason = "explicit_request", string? category = null) =>
        new("directline", conversationId, "user-" + conversationId, "Customer", locale, reason, category, "I need help", null, [], "[]",
            new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = conversationId }, Locale = locale });

    public async Task<string> OnlineAgentAsync(string name, string skills = "*", string languages = "en,zh-CN", int capacity = 3)
    {
        var id = "agent-" + name;
        await Agents.UpdateProfileAsync(id, name, new AgentProfile(skills.Split(','), languages.Split(','), capacity), default);
        await Agents.SetPresenceAsync(id, AgentPresence.Online, default);
        return id;
    }

    public async Task<List<ConversationEventRecord>> EventsAsync(string conversationId)
    {
        await using var db = _services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        return await db.ConversationEvents.AsNoTracking().Where(e => e.ConversationId == conversationId).OrderBy(e => e.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
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

/// <summary>Stands in for the customer's channel: keeps what was sent, per conversation.</summary>
public sealed class RecordingMessenger : ICustomerMessenger
{
    private readonly ConcurrentQueue<(string ConversationId, Activity Activity)> _sent = new();

    public IReadOnlyList<Activity> To(string conversationId) => _sent.Where(s => s.ConversationId == conversationId).Select(s => s.Activity).ToList();

    public Task SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        _sent.Enqueue((reference.Conversation!.Id!, activity));
        return Task.CompletedTask;
    }
}

/// <summary>A clock that stays where a test puts it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
