using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.Data.Tests.HotPath;

/// <summary>
/// The turn's reads and writes through long-lived connections with prepared statements (SQLite) must behave as plain
/// EF Core did: nothing stale, nothing lost, whatever shape the statements take.
/// </summary>
public class HotPathTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string Key = "emulator|c1";

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_instances_on_one_database_each_read_the_state_the_other_wrote_last(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var other = db.AnotherInstance();
        IConversationTurnStore turnsA = db.Services.GetRequiredService<IConversationTurnStore>(), turnsB = other.GetRequiredService<IConversationTurnStore>();
        IConversationStateStore statesA = db.Services.GetRequiredService<IConversationStateStore>(), statesB = other.GetRequiredService<IConversationStateStore>();

        // Each instance reads (so its readers hold prepared statements) before and after the other one writes.
        for (var turn = 1; turn <= 6; turn++)
        {
            var (writer, reader) = turn % 2 == 1 ? (turnsA, statesB) : (turnsB, statesA);
            Assert.Equal(turn == 1 ? null : new StoredConversationState($$"""{"turn":{{turn - 1}}}""", turn - 1), await reader.LoadAsync(Key, default));
            var result = await writer.WriteAsync(new FinishedTurn(Key, $$"""{"turn":{{turn}}}""", turn == 1 ? null : turn - 1), default);
            Assert.False(result.OverwroteNewerState);
            Assert.Equal(new StoredConversationState($$"""{"turn":{{turn}}}""", turn), await reader.LoadAsync(Key, default));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Turns_of_more_shapes_than_the_writer_keeps_prepared_are_all_stored(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var turns = db.Services.GetRequiredService<IConversationTurnStore>();
        var claims = db.Services.GetRequiredService<IProcessedActivityStore>();

        // A multi-row insert is one statement text per row count: 80 turns of 1 to 80 events are 80 texts and more.
        for (var n = 1; n <= 80; n++)
        {
            var activity = new ActivityKey("emulator", "c1", $"a{n}");
            Assert.True(await claims.TryClaimAsync(activity, TimeSpan.FromMinutes(1), default));
            await turns.WriteAsync(new FinishedTurn(Key, $$"""{"n":{{n}}}""", n == 1 ? null : n - 1)
            {
                Events = [.. Enumerable.Range(0, n).Select(i => Event($"a{n}", $"e{i}"))],
                CompletedActivity = activity,
            }, default);
        }

        await using var context = db.Factory.CreateDbContext();
        Assert.Equal(80 * 81 / 2, await context.ConversationEvents.CountAsync());
        Assert.Equal(80, await context.ProcessedActivities().CountAsync(p => p.CompletedAt != null));
        Assert.Equal(new StoredConversationState("""{"n":80}""", 80), await db.Services.GetRequiredService<IConversationStateStore>().LoadAsync(Key, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_turns_of_different_conversations_all_land(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var turns = db.Services.GetRequiredService<IConversationTurnStore>();
        var states = db.Services.GetRequiredService<IConversationStateStore>();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
        {
            for (var turn = 1; turn <= 5; turn++)
            {
                var stored = await states.LoadAsync($"emulator|c{c}", default);
                Assert.Equal(turn == 1 ? null : turn - 1, stored?.Version);
                await turns.WriteAsync(new FinishedTurn($"emulator|c{c}", "{}", stored?.Version) { Events = [Event($"c{c}-{turn}", "customer_message")] }, default);
            }
        })));

        await using var context = db.Factory.CreateDbContext();
        Assert.Equal(16 * 5, await context.ConversationEvents.CountAsync());
        Assert.All(await context.ConversationStates().Select(s => s.Version).ToListAsync(), v => Assert.Equal(5, v));
    }

    private static ConversationEvent Event(string activityId, string type) => new()
    {
        Type = type,
        IdempotencyKey = $"{activityId}/{type}",
        ChannelId = "emulator",
        ConversationId = "c1",
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
