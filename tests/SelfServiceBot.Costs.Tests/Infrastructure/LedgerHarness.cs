using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data.Privacy;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.Costs.Tests.Infrastructure;

/// <summary>A migrated database of either provider with the cost module on it, a clock the test moves, and the real event log.</summary>
public sealed class LedgerHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private LedgerHarness(TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        Database = database;
        Services = services;
        Clock = clock;
    }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public IDbContextFactory<BotDbContext> Factory => Database.Factory;
    public ContactLedger Ledger => Services.GetRequiredService<ContactLedger>();
    public IConversationEvents Events => Services.GetRequiredService<IConversationEvents>();

    public static async Task<LedgerHarness> CreateAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(T0);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(database.Factory)
            .AddConversationEvents()
            .AddPrivacy()
            .AddConversationData()
            .AddCosts(background: false)
            .BuildServiceProvider();
        return new LedgerHarness(database, services, clock);
    }

    /// <summary>A new ContactLedger over the same database: what a second instance of the app would run.</summary>
    public ContactLedger SecondInstance() => ActivatorUtilities.CreateInstance<ContactLedger>(Services);

    public ConversationScript Conversation(string id, string user = "customer-1", string channel = "webchat", string locale = "en") =>
        new(Events, channel, id, user, locale);

    public async Task<List<ContactRecord>> ContactsAsync()
    {
        await using var db = Factory.CreateDbContext();
        return await db.Contacts().AsNoTracking().OrderBy(c => c.StartedAt).ThenBy(c => c.Id).ToListAsync();
    }

    /// <summary>Moves the clock to <paramref name="at"/> and lets the ledger catch up, as its background service would.</summary>
    public async Task<LedgerPass> CatchUpAtAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return await Ledger.CatchUpAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
