using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Customers;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Tests.Infrastructure;

/// <summary>
/// The hand-off desk as the app wires it, on a migrated empty database of either provider (<see cref="TestDatabase"/>: a SQLite
/// file, or a fresh PostgreSQL database on SSB_TEST_POSTGRES). What the desk writes to customers is kept in <see cref="Sent"/>.
/// </summary>
public sealed class DeskDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private DeskDatabase(TestDatabase database) => _database = database;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public HandoffDesk Desk => Services.GetRequiredService<HandoffDesk>();
    public AgentDirectory Agents => Services.GetRequiredService<AgentDirectory>();
    public RecordingMessenger Sent => (RecordingMessenger)Services.GetRequiredService<ICustomerMessenger>();
    public IServiceProvider Services => _database.Services;

    public static async Task<DeskDatabase> CreateAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null, TimeProvider? clock = null) =>
        new(await TestDatabase.CreateAsync(provider, services => services
            .AddSingleton(clock ?? TimeProvider.System)
            .AddSingleton<ICustomerMessenger, RecordingMessenger>()
            .AddHandoff(), settings));

    public static NewHandoff Request(string conversationId, string locale = "en", string reason = "explicit_request", string? category = null) =>
        new("directline", conversationId, "user-" + conversationId, "Customer", locale, reason, category, "I need help", null, [], "[]",
            JsonSerializer.Serialize(new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = conversationId }, Locale = locale }, BotJson.Options));

    public async Task<string> OnlineAgentAsync(string name, string skills = "*", string languages = "en,zh-CN", int capacity = 3)
    {
        var id = "agent-" + name;
        await Agents.UpdateProfileAsync(id, name, new AgentProfile(skills.Split(','), languages.Split(','), capacity), default);
        await Agents.SetPresenceAsync(id, AgentPresence.Online, default);
        return id;
    }

    public async Task<List<ConversationEventRecord>> EventsAsync(string conversationId)
    {
        await using var db = _database.Factory.CreateDbContext();
        return await db.ConversationEvents.AsNoTracking().Where(e => e.ConversationId == conversationId).OrderBy(e => e.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
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
