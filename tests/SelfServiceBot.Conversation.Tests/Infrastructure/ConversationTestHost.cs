using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfServiceBot.BotFramework;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Conversation.Tests.Knowledge;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Handoff;
using SelfServiceBot.Knowledge;

namespace SelfServiceBot.Conversation.Tests.Infrastructure;

/// <summary>
/// The real turn pipeline as the app wires it (TurnProcessor, SupportBot, the hand-off desk, EF stores) over its own
/// SQLite file and the repository's knowledge base. Tests may swap services before it is built.
/// </summary>
public sealed class ConversationTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _directory;
    private readonly bool _ownsDirectory;

    private ConversationTestHost(ServiceProvider services, string directory, bool ownsDirectory)
    {
        _services = services;
        _directory = directory;
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>Where the SQLite file lives: start a second host on it to play a second instance.</summary>
    public string DatabaseDirectory => _directory;

    public TurnProcessor Processor => _services.GetRequiredService<TurnProcessor>();

    public IServiceProvider Services => _services;

    /// <param name="handoffs">A stand-in for the hand-off desk behind the conversation's port; without one, the real desk.</param>
    public static async Task<ConversationTestHost> StartAsync(
        Action<IServiceCollection>? configure = null, string? sharedDatabaseDirectory = null, IHandoffGateway? handoffs = null)
    {
        var directory = sharedDatabaseDirectory ?? Directory.CreateTempSubdirectory("ssb-conversation-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:SelfServiceBot"] = $"Data Source={Path.Combine(directory, "bot.db")}",
            ["Database:Provider"] = "Sqlite",
            ["Knowledge:KnowledgeBasePath"] = SampleKnowledgeBase.Path,
            // The conversation's flow, not the ranking, is under test: lexical ranking, whose choices the transcripts
            // spell out, without loading the sentence encoder in every host.
            ["Knowledge:Embeddings:Provider"] = "None",
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddBotDatabase(TestDatabase.Modules);
        services.AddBotFrameworkStorage();
        services.AddBotFramework();
        services.AddKnowledge();
        services.AddConversation();
        if (handoffs is null)
        {
            // The desk behind the conversation's hand-off port, as the app's host adds it: conversation + desk tests.
            services.AddHandoff();
        }
        else
        {
            services.AddSingleton(handoffs);
        }
        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new ConversationTestHost(provider, directory, ownsDirectory: sharedDatabaseDirectory is null);
    }

    public TestFlow Flow(string channelId = "test", string locale = "en-US") => new(this, channelId, locale);

    public async Task<IReadOnlyList<ConversationEventRecord>> EventsAsync(string conversationId)
    {
        await using var db = CreateDbContext();
        return await db.ConversationEvents.AsNoTracking().Where(e => e.ConversationId == conversationId).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<IReadOnlyList<HandoffRequestRecord>> HandoffsAsync(string conversationId)
    {
        await using var db = CreateDbContext();
        return await db.HandoffRequests().AsNoTracking().Where(h => h.ConversationId == conversationId).OrderBy(h => h.Id).ToListAsync();
    }

    public async Task<ConversationStateRecord?> StateAsync(string channelId, string conversationId)
    {
        await using var db = CreateDbContext();
        return await db.ConversationStates().AsNoTracking().SingleOrDefaultAsync(s => s.ConversationKey == $"{channelId}|{conversationId}");
    }

    public BotDbContext CreateDbContext() => _services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (!_ownsDirectory)
        {
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
