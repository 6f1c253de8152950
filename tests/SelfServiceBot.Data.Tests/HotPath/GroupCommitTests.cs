using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Data.HotPath;
using SelfServiceBot.Data.Sql;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.Data.Tests.HotPath;

/// <summary>
/// On SQLite, writes that queue while a group is being written are committed together, each in a savepoint of its own:
/// one that fails or discards itself must take nothing else with it, and the others must land.
/// </summary>
public class GroupCommitTests
{
    [Fact]
    public async Task Writes_queued_behind_a_group_are_committed_together_and_each_lands()
    {
        var log = new TransactionLog();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, s => s.AddSingleton<IDbCommandObserver>(log));
        var writes = db.Services.GetRequiredService<HotWrites>();
        await using var context = db.Factory.CreateDbContext();

        var (first, release) = HoldTheWriter(writes, context);
        var queued = Enumerable.Range(1, 3).Select(i => writes.WriteAsync(context, transaction: false, w => w.ExecuteAsync(Claim(context, $"a{i}"), default), default)).ToList();
        Assert.All(queued, q => Assert.False(q.IsCompleted));
        release();
        await first;
        var claimed = await Task.WhenAll(queued);
        Assert.Equal([1, 1, 1], claimed);

        Assert.Equal(["a0", "a1", "a2", "a3"], await Claimed(db));
        Assert.Single(log.TransactionsOf("a1", "a2", "a3"));
        Assert.NotEqual(log.TransactionsOf("a0").Single(), log.TransactionsOf("a1").Single());
    }

    [Fact]
    public async Task A_write_that_fails_or_is_discarded_in_a_group_is_rolled_back_alone()
    {
        var log = new TransactionLog();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, s => s.AddSingleton<IDbCommandObserver>(log));
        var writes = db.Services.GetRequiredService<HotWrites>();
        await using var context = db.Factory.CreateDbContext();

        var (first, release) = HoldTheWriter(writes, context);
        var before = writes.WriteAsync(context, transaction: true, w => w.ExecuteAsync(Claim(context, "b"), default), default);
        var failing = writes.WriteAsync<int>(context, transaction: true, async w =>
        {
            await w.ExecuteAsync(Claim(context, "c"), default);
            throw new InvalidOperationException("the write failed (test)");
        }, default);
        var discarded = writes.WriteAsync(context, transaction: true, async w =>
        {
            await w.ExecuteAsync(Claim(context, "d"), default);
            w.Discard();
            return "discarded";
        }, default);
        var after = writes.WriteAsync(context, transaction: true, w => w.ExecuteAsync(Claim(context, "e"), default), default);
        release();
        await first;

        Assert.Equal(1, await before);
        Assert.Equal("the write failed (test)", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal("discarded", await discarded);
        Assert.Equal(1, await after);
        Assert.Equal(["a0", "b", "e"], await Claimed(db));
        Assert.Single(log.TransactionsOf("b", "c", "d", "e"));
    }

    [Fact]
    public async Task Many_concurrent_writers_all_land_once()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var writes = db.Services.GetRequiredService<HotWrites>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 16), async (writer, _) =>
        {
            await using var context = db.Factory.CreateDbContext();
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal(1, await writes.WriteAsync(context, transaction: false, w => w.ExecuteAsync(Claim(context, $"w{writer}-{i}"), default), default));
            }
        });

        Assert.Equal(16 * 50, (await Claimed(db)).Count);
    }

    [Fact]
    public async Task An_exclusive_unit_waits_for_the_group_in_flight_and_the_writes_queued_behind_it_wait_for_it()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var writes = db.Services.GetRequiredService<HotWrites>();
        await using var context = db.Factory.CreateDbContext();
        var order = new ConcurrentQueue<string>();

        var (first, release) = HoldTheWriter(writes, context);
        // As the contact ledger does: its own context and EF Core transaction, between two groups.
        var exclusive = writes.ExclusiveAsync(context, async () =>
        {
            order.Enqueue("exclusive started");
            await using var ledger = db.Factory.CreateDbContext();
            await using var transaction = await ledger.Database.BeginTransactionAsync();
            ledger.ProcessedActivities().Add(new ProcessedActivity { ChannelId = "test", ConversationId = "c", ActivityId = "x", ClaimedAt = DateTimeOffset.UtcNow });
            await ledger.SaveChangesAsync();
            await transaction.CommitAsync();
            order.Enqueue("exclusive committed");
            return "x";
        }, default);
        var after = writes.WriteAsync(context, transaction: true, async w =>
        {
            order.Enqueue("queued write");
            return await w.ExecuteAsync(Claim(context, "b"), default);
        }, default);
        // Not started while the group is in flight: it would have met that group's lock (and SQLite's busy handler).
        await Task.Delay(100);
        Assert.Empty(order);
        release();

        Assert.Equal(1, await first);
        Assert.Equal("x", await exclusive);
        Assert.Equal(1, await after);
        Assert.Equal(["exclusive started", "exclusive committed", "queued write"], order);
        Assert.Equal(["a0", "b", "x"], await Claimed(db));
    }

    [Fact]
    public async Task An_exclusive_unit_that_fails_fails_its_caller_alone()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var writes = db.Services.GetRequiredService<HotWrites>();
        await using var context = db.Factory.CreateDbContext();

        var (first, release) = HoldTheWriter(writes, context);
        var failing = writes.ExclusiveAsync<int>(context, () => throw new InvalidOperationException("the batch failed (test)"), default);
        var after = writes.WriteAsync(context, transaction: false, w => w.ExecuteAsync(Claim(context, "b"), default), default);
        release();

        Assert.Equal(1, await first);
        Assert.Equal("the batch failed (test)", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal(1, await after);
        Assert.Equal(["a0", "b"], await Claimed(db));
    }

    [Fact]
    public async Task Writes_still_queued_when_the_writer_is_disposed_at_shutdown_are_written_not_dropped()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var writes = db.Services.GetRequiredService<HotWrites>();
        await using var context = db.Factory.CreateDbContext();

        var (first, release) = HoldTheWriter(writes, context);
        var queued = Enumerable.Range(1, 3).Select(i => writes.WriteAsync(context, transaction: false, w => w.ExecuteAsync(Claim(context, $"q{i}"), default), default)).ToList();
        // The host disposes the writer while a group is in flight and writes are queued behind it (turns that outlived
        // the shutdown timeout): it waits for the group, then writes the queue.
        var disposing = Task.Run(writes.Dispose);
        await Task.Delay(50);
        release();
        await disposing;

        Assert.Equal(1, await first);
        var written = await Task.WhenAll(queued);
        Assert.Equal([1, 1, 1], written);
        Assert.Equal(["a0", "q1", "q2", "q3"], await Claimed(db));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writes.WriteAsync(context, transaction: false, w => w.ExecuteAsync(Claim(context, "late"), default), default));
    }

    /// <summary>Starts a write that holds the writer (claiming "a0") until released: whatever is written meanwhile queues.</summary>
    private static (Task<int> Write, Action Release) HoldTheWriter(HotWrites writes, BotDbContext context)
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = writes.WriteAsync(context, transaction: true, async w =>
        {
            var claimed = await w.ExecuteAsync(Claim(context, "a0"), default);
            await hold.Task;
            return claimed;
        }, default);
        Assert.False(write.IsCompleted);
        return (write, () => hold.SetResult());
    }

    private static ModelSql Claim(BotDbContext db, string activityId) => new ModelSql(db)
        .Sql("INSERT INTO ").Table<ProcessedActivity>().Sql(" ")
        .Columns<ProcessedActivity>(nameof(ProcessedActivity.ChannelId), nameof(ProcessedActivity.ConversationId), nameof(ProcessedActivity.ActivityId), nameof(ProcessedActivity.ClaimedAt))
        .Sql(" VALUES ").Row<ProcessedActivity>(
        [
            (nameof(ProcessedActivity.ChannelId), "test"), (nameof(ProcessedActivity.ConversationId), "c"),
            (nameof(ProcessedActivity.ActivityId), activityId), (nameof(ProcessedActivity.ClaimedAt), DateTimeOffset.UtcNow),
        ]);

    private static async Task<List<string>> Claimed(TestDatabase db)
    {
        await using var context = db.Factory.CreateDbContext();
        return await context.ProcessedActivities().Select(p => p.ActivityId).OrderBy(a => a).ToListAsync();
    }

    /// <summary>The transaction each claim's insert ran in, by activity id.</summary>
    private sealed class TransactionLog : IDbCommandObserver
    {
        private readonly ConcurrentDictionary<string, object?> _transactions = new();

        public void Executing(DbCommand command, object? transaction)
        {
            if (command.CommandText.StartsWith("INSERT INTO \"ProcessedActivities\"", StringComparison.Ordinal))
            {
                _transactions[(string)command.Parameters[2].Value!] = transaction;
            }
        }

        public List<object?> TransactionsOf(params string[] activityIds) => [.. activityIds.Select(id => _transactions[id]).Distinct()];
    }
}
