using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data.Sql;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.Conversation.Tests.Storage;

public class ConversationTurnStoreTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string Conversation = "c1";
    private const string Key = "emulator|c1";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_finished_turn_saves_its_state_its_events_in_order_and_completes_its_claim(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var turns = db.Services.GetRequiredService<IConversationTurnStore>();
        var claims = db.Services.GetRequiredService<IProcessedActivityStore>();
        var first = Activity("a1");
        Assert.True(await claims.TryClaimAsync(first, TimeSpan.FromMinutes(1), default));

        var result = await turns.WriteAsync(new FinishedTurn(Key, """{"n":1}""", null)
        {
            Events = [Event("a1", "contact_started"), Event("a1", "customer_message"), Event("a1", "answer_shown")],
            CompletedActivity = first,
        }, default);
        await claims.TryClaimAsync(Activity("a2"), TimeSpan.FromMinutes(1), default);
        await turns.WriteAsync(new FinishedTurn(Key, """{"n":2}""", 1) { Events = [Event("a2", "customer_message")], CompletedActivity = Activity("a2") }, default);

        Assert.False(result.OverwroteNewerState);
        Assert.Equal(new StoredConversationState("""{"n":2}""", 2), await db.Services.GetRequiredService<IConversationStateStore>().LoadAsync(Key, default));
        Assert.Equal(["a1/contact_started", "a1/customer_message", "a1/answer_shown", "a2/customer_message"], await EventKeysAsync(db));
        // Completed: even with a lease of zero the activity is not handed out again.
        Assert.False(await claims.TryClaimAsync(first, TimeSpan.Zero, default));
        Assert.False(await claims.TryClaimAsync(Activity("a2"), TimeSpan.Zero, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_turn_replayed_after_a_crash_records_only_the_events_that_are_missing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var turns = db.Services.GetRequiredService<IConversationTurnStore>();
        // As the hand-off desk does mid-turn: the customer's message was written before the instance crashed.
        await db.Services.GetRequiredService<IConversationEvents>().RecordAsync([Event("a1", "customer_message")], default);
        await db.Services.GetRequiredService<IProcessedActivityStore>().TryClaimAsync(Activity("a1"), TimeSpan.FromMinutes(1), default);

        await turns.WriteAsync(new FinishedTurn(Key, "{}", null)
        {
            Events = [Event("a1", "customer_message"), Event("a1", "handoff_requested")],
            CompletedActivity = Activity("a1"),
        }, default);

        Assert.Equal(["a1/customer_message", "a1/handoff_requested"], await EventKeysAsync(db));
        Assert.False(await db.Services.GetRequiredService<IProcessedActivityStore>().TryClaimAsync(Activity("a1"), TimeSpan.Zero, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_turn_that_read_an_older_state_writes_over_the_newer_one_and_says_so(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var turns = db.Services.GetRequiredService<IConversationTurnStore>();
        await turns.WriteAsync(new FinishedTurn(Key, """{"turn":"first"}""", null), default);
        await turns.WriteAsync(new FinishedTurn(Key, """{"turn":"second"}""", 1), default);

        // A third turn read version 1 before the second one finished (a double click, another instance).
        var late = await turns.WriteAsync(new FinishedTurn(Key, """{"turn":"third"}""", 1) { Events = [Event("a3", "customer_message")] }, default);
        // A turn that read nothing while another created the state.
        var racing = await turns.WriteAsync(new FinishedTurn(Key, """{"turn":"fourth"}""", null), default);

        Assert.True(late.OverwroteNewerState);
        Assert.True(racing.OverwroteNewerState);
        Assert.Equal(new StoredConversationState("""{"turn":"fourth"}""", 4), await db.Services.GetRequiredService<IConversationStateStore>().LoadAsync(Key, default));
        Assert.Equal(["a3/customer_message"], await EventKeysAsync(db));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_turn_whose_write_fails_stores_none_of_its_events_keeps_its_old_state_and_stays_claimed(DatabaseProvider provider)
    {
        var failing = new FailingCommands(sql => sql.Contains("UPDATE \"ProcessedActivities\"", StringComparison.Ordinal)) { Armed = false };
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddSingleton<IDbCommandObserver>(failing));
        var turns = db.Services.GetRequiredService<IConversationTurnStore>();
        var claims = db.Services.GetRequiredService<IProcessedActivityStore>();
        await turns.WriteAsync(new FinishedTurn(Key, """{"turn":"before"}""", null), default);
        Assert.True(await claims.TryClaimAsync(Activity("a1"), TimeSpan.FromMinutes(1), default));

        failing.Armed = true;
        await Assert.ThrowsAnyAsync<Exception>(() => turns.WriteAsync(new FinishedTurn(Key, """{"turn":"failed"}""", 1)
        {
            Events = [Event("a1", "customer_message"), Event("a1", "answer_shown")],
            CompletedActivity = Activity("a1"),
        }, default));
        failing.Armed = false;

        Assert.Empty(await EventKeysAsync(db));
        Assert.Equal(new StoredConversationState("""{"turn":"before"}""", 1), await db.Services.GetRequiredService<IConversationStateStore>().LoadAsync(Key, default));
        // Not completed: once the claim's lease runs out, a redelivery runs the turn again.
        Assert.True(await claims.TryClaimAsync(Activity("a1"), TimeSpan.Zero, default));
    }

    private static ActivityKey Activity(string id) => new("emulator", Conversation, id);

    private static ConversationEvent Event(string activityId, string type) => new()
    {
        Type = type,
        IdempotencyKey = $"{activityId}/{type}",
        ChannelId = "emulator",
        ConversationId = Conversation,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private static async Task<List<string>> EventKeysAsync(TestDatabase db)
    {
        await using var context = db.Factory.CreateDbContext();
        return await context.ConversationEvents.OrderBy(e => e.Id).Select(e => e.IdempotencyKey).ToListAsync();
    }
}
