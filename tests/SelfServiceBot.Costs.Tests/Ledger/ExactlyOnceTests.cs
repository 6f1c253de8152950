using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using static SelfServiceBot.Costs.Tests.Infrastructure.LedgerHarness;

namespace SelfServiceBot.Costs.Tests.Ledger;

/// <summary>Every contact recorded once: redelivered activities, a process killed mid-batch, two instances at once.</summary>
public class ExactlyOnceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_redelivered_activity_and_a_repeated_hand_off_event_change_nothing(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        Step[] turn = [Step.Started(), Step.Message("agent"), Step.Handoff("explicit_request")];
        var activity = await c.TurnAsync(T0, turn);
        await h.CatchUpAtAsync(T0 + Minute);
        await c.ReplayAsync(activity, T0, turn);
        await c.HandoffAsync(T0 + 2 * Minute, "h1", Step.Resolved(5m));
        // The hand-off module retrying the same write: same key, so the log keeps one row.
        await h.Events.RecordAsync([new() { Type = HandoffEventTypes.HandoffResolved, IdempotencyKey = "handoff/h1/handoff_resolved/0",
            ChannelId = c.ChannelId, ConversationId = c.ConversationId, OccurredAt = T0 + 2 * Minute, Data = new Dictionary<string, object?> { ["handleMinutes"] = 5 } }], default);

        await h.CatchUpAtAsync(T0 + 3 * Minute);

        var contact = Assert.Single(await h.ContactsAsync());
        Assert.Equal(300_000L, contact.HandleMilliseconds);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_batch_killed_before_its_commit_leaves_nothing_and_the_next_pass_records_each_contact_once(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        await WriteConversationsAsync(h, count: 12);
        var ledger = h.Ledger;
        ledger.BeforeCommit = () => throw new IOException("process killed");

        await Assert.ThrowsAsync<IOException>(() => ledger.ApplyNextBatchAsync(default));
        Assert.Empty(await h.ContactsAsync());
        Assert.Equal(0, await CheckpointAsync(h));

        ledger.BeforeCommit = null;
        await h.CatchUpAtAsync(T0 + 31 * Minute);

        var contacts = await h.ContactsAsync();
        Assert.Equal(12, contacts.Count);
        Assert.All(contacts, x => Assert.Equal(ContactOutcomes.DeflectedAssumed, x.Outcome));
        Assert.Equal(await MaxEventIdAsync(h), await CheckpointAsync(h));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_instances_projecting_at_once_record_each_contact_once(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        // More events than one batch, so the instances interleave batch by batch.
        await WriteConversationsAsync(h, count: 400);
        h.Clock.SetUtcNow(T0 + 31 * Minute);
        var first = h.Ledger;
        var second = h.SecondInstance();

        await Task.WhenAll(
            Task.Run(() => first.CatchUpAsync(default)),
            Task.Run(() => second.CatchUpAsync(default)),
            Task.Run(() => first.CatchUpAsync(default)));

        var contacts = await h.ContactsAsync();
        Assert.Equal(400, contacts.Count);
        Assert.Equal(400, contacts.Select(x => x.ConversationId).Distinct().Count());
        Assert.All(contacts, x => Assert.Equal(ContactOutcomes.DeflectedAssumed, x.Outcome));
    }

    [Fact]
    public async Task On_PostgreSQL_an_event_still_being_written_with_a_lower_id_is_not_skipped()
    {
        await using var h = await CreateAsync(DatabaseProvider.Postgres);
        await using var slow = h.Factory.CreateDbContext();
        await using var slowTransaction = await slow.Database.BeginTransactionAsync();
        slow.ConversationEvents.Add(Event("slow", "k-slow"));
        await slow.SaveChangesAsync();   // has its id, not yet committed

        await h.Conversation("fast").TurnAsync(T0, Step.Started(), Step.Message("hello"));
        var pass = Task.Run(() => h.Ledger.ApplyNextBatchAsync(default));
        // Commit the slow write only once the pass has either finished (the bug: it went past the gap) or waits for it.
        while (!pass.IsCompleted && !await SomeoneWaitsForALockAsync(h))
        {
            await Task.Delay(20);
        }
        await slowTransaction.CommitAsync();
        await pass;

        var contacts = await h.ContactsAsync();
        Assert.Equal(["slow", "fast"], contacts.OrderBy(c => long.Parse(c.ContactKey)).Select(c => c.ConversationId));
    }

    private static async Task<bool> SomeoneWaitsForALockAsync(LedgerHarness h)
    {
        await using var db = h.Factory.CreateDbContext();
        return await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE NOT granted").SingleAsync() > 0;
    }

    private static ConversationEventRecord Event(string conversation, string key) => new()
    {
        IdempotencyKey = key, ChannelId = "webchat", ConversationId = conversation, UserId = "u-" + conversation,
        Type = "customer_message", OccurredAt = T0, Text = "hello",
    };

    [Fact]
    public async Task Marking_recontacts_waits_for_another_instances_ledger_batch_instead_of_deadlocking_with_it()
    {
        // On PostgreSQL, two instances' ledgers run at once. The recontact marking locks many contacts in one UPDATE; without
        // the ledger's lock first, it could lock them in another order than the other instance's batch (a deadlock, 40P01).
        await using var h = await CreateAsync(DatabaseProvider.Postgres);
        await WriteConversationsAsync(h, count: 5);
        await h.CatchUpAtAsync(T0 + 31 * Minute);
        await WriteConversationsAsync(h, count: 5, prefix: "later");
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = h.Ledger;
        first.BeforeCommit = async () => { holding.SetResult(); await release.Task; };
        var batch = Task.Run(() => first.ApplyNextBatchAsync(default));
        await holding.Task;

        var marking = Task.Run(() => RecontactMarker.MarkAsync(h.Factory, h.Services.GetRequiredService<Data.HotPath.HotWrites>(), DateTimeOffset.MinValue, default));
        var waited = await WaitsForALockAsync(h, marking);
        release.SetResult();
        await batch;
        await marking;

        Assert.True(waited, "the recontact marking did not wait for the ledger's lock");
    }

    /// <summary>True once a session of the database waits for a lock while <paramref name="task"/> runs (PostgreSQL).</summary>
    private static async Task<bool> WaitsForALockAsync(LedgerHarness h, Task task)
    {
        await using var db = h.Factory.CreateDbContext();
        for (var i = 0; i < 200 && !task.IsCompleted; i++)
        {
            var waiting = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
            if (waiting > 0)
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }

    [Fact]
    public async Task Beside_the_turns_a_catch_up_pauses_after_each_full_batch_and_the_cli_does_not()
    {
        await using var h = await CreateAsync(DatabaseProvider.Sqlite);
        // 70 conversations of 3 events: batches of 100, 100 and 10.
        await WriteConversationsAsync(h, count: 70);
        h.Clock.SetUtcNow(T0 + 31 * Minute);
        var pauses = new List<TimeSpan>();
        var service = h.Ledger;
        service.Pacing.Pause = (pause, _) => { pauses.Add(pause); return Task.CompletedTask; };
        var cli = h.SecondInstance();
        cli.Pacing.Pause = (pause, _) => throw new InvalidOperationException("the CLI paused");

        var paced = await service.CatchUpAsync(default, besideTurns: true);
        await WriteConversationsAsync(h, count: 70, prefix: "later");
        var atOnce = await cli.CatchUpAsync(default);

        Assert.Equal(210, paced.EventsApplied);
        Assert.Equal(2, pauses.Count);
        Assert.All(pauses, p => Assert.True(p > TimeSpan.Zero));
        Assert.Equal(210, atOnce.EventsApplied);
    }

    private static async Task WriteConversationsAsync(LedgerHarness h, int count, string prefix = "")
    {
        for (var i = 0; i < count; i++)
        {
            await h.Conversation($"{prefix}c{i}", user: $"{prefix}u{i}").TurnAsync(T0, Step.Started(), Step.Message("where is my order"), Step.Answer("track-order", "orders"));
        }
    }

    private static async Task<long> CheckpointAsync(LedgerHarness h)
    {
        await using var db = h.Factory.CreateDbContext();
        return (await db.ContactProjections().SingleAsync()).LastEventId;
    }

    private static async Task<long> MaxEventIdAsync(LedgerHarness h)
    {
        await using var db = h.Factory.CreateDbContext();
        return await db.ConversationEvents.MaxAsync(e => e.Id);
    }
}
