using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.HotPath;

/// <summary>
/// The writes every turn makes (the activity's claim, the end of the turn, the Direct Line log), as <see cref="ModelSql"/>.
/// <para>
/// SQLite has one writer at a time. Writes queue here and are committed in groups: whoever finds no group being written
/// writes everything queued, its own write included, in one transaction, each write in a savepoint of its own (a write that
/// fails or is discarded is rolled back alone; the others land). Under concurrent turns one commit then carries several
/// turns: one BEGIN and one COMMIT, and the pages the turns share (the end of each table) go to the write-ahead log once.
/// Before, each writer took a lock and wrote alone, and under load the lock was held mostly by writers waiting to be
/// scheduled (docs/benchmarks.md). A lone write is written at once on the caller's thread, as before.
/// </para>
/// <para>
/// Writes go through one long-lived connection that keeps its statements prepared (<see cref="SqliteStatements"/>):
/// preparing, binding and EF Core's command pipeline cost more than the statements themselves. Other writers (another
/// instance on the same file, background jobs) meet SQLite's busy timeout.
/// </para>
/// <para>PostgreSQL locks rows, not the database: no queue, and the statements go through the context as usual.</para>
/// </summary>
public sealed class HotWrites(IEnumerable<IDbCommandObserver> observers) : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private readonly IDbCommandObserver[] _observers = [.. observers];
    private SqliteStatements? _sqlite;
    private string? _connectionString;
    private int _writing; // 1 while a caller or a pool thread writes the queue
    private volatile bool _disposed;

    /// <summary>
    /// Runs <paramref name="work"/> as one unit of writes to <paramref name="db"/>'s database: all of it lands or none of
    /// it (<see cref="HotWrite.Discard"/> or an exception: none). On SQLite <paramref name="work"/> runs on the thread that
    /// writes the group, in its transaction: it must only run statements through the <see cref="HotWrite"/> it is given.
    /// On PostgreSQL it runs in a transaction of the context's when <paramref name="transaction"/> is true (a single
    /// statement needs none).
    /// </summary>
    public async Task<T> WriteAsync<T>(BotDbContext db, bool transaction, Func<HotWrite, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db is not SqliteBotDbContext)
        {
            return await WriteThroughContextAsync(db, transaction, work, cancellationToken);
        }
        _connectionString ??= db.Database.GetConnectionString()!;
        return await QueueAsync(new PendingWrite<T>(work), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which writes through a connection of its own (an EF Core transaction), between two
    /// groups: while it runs no group is written and the turns' writes queue behind it, to go as the next group. Background
    /// writers of this process (the contact ledger) take turns with the turns this way. Meeting the hot writer at SQLite's
    /// lock instead, a ledger catching up in back-to-back batches stalled every turn for up to a second: SQLite's busy
    /// handler sleeps in growing steps (up to 100 ms) and the ledger held the lock again before the sleeping writer woke
    /// (docs/benchmarks.md, "A fixed rate"). <paramref name="work"/> must not write through this class (it would wait for
    /// itself). On PostgreSQL, which locks rows, it simply runs.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(BotDbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db is not SqliteBotDbContext)
        {
            return await work();
        }
        return await QueueAsync(new PendingWrite<T>(_ => work(), exclusive: true), cancellationToken);
    }

    /// <summary>Queues a unit, writes the queue if nobody is writing it, and waits for the unit.</summary>
    private async Task<T> QueueAsync<T>(PendingWrite<T> pending, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        _queue.Enqueue(pending);
        if (_disposed)
        {
            pending.Fail(new ObjectDisposedException(nameof(HotWrites)));
        }
        else if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            await WriteUntilDoneAsync(pending);
        }
        // Once queued the write goes ahead whatever the token says: a turn that gave up may still have been written, as with
        // any statement cancelled in flight, and the idempotency keys make its replay harmless.
        return await pending.Task;
    }

    private static async Task<T> WriteThroughContextAsync<T>(BotDbContext db, bool transaction, Func<HotWrite, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var contextTransaction = transaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var write = HotWrite.ThroughContext();
        var result = await work(write);
        if (contextTransaction is not null)
        {
            if (write.Discarded)
            {
                await contextTransaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await contextTransaction.CommitAsync(cancellationToken);
            }
        }
        else if (write.Discarded)
        {
            throw new InvalidOperationException("Only a write in a transaction can be discarded.");
        }
        return result;
    }

    /// <summary>
    /// Writes groups until <paramref name="mine"/> is written, then hands what queued meanwhile to a pool thread: the
    /// caller's turn goes on instead of writing everyone else's.
    /// </summary>
    private async Task WriteUntilDoneAsync(PendingWrite mine)
    {
        try
        {
            while (!mine.IsDone && !_disposed)
            {
                await WriteGroupAsync(Drain());
            }
        }
        finally
        {
            StopWriting();
        }
    }

    private async Task WriteQueueAsync()
    {
        try
        {
            while (!_disposed && Drain() is { Count: > 0 } group)
            {
                await WriteGroupAsync(group);
            }
        }
        finally
        {
            StopWriting();
        }
    }

    private void StopWriting()
    {
        // A full fence before looking at the queue: a write queued after the last drain either sees _writing at 0 and
        // writes itself, or is seen here.
        Interlocked.Exchange(ref _writing, 0);
        if (!_queue.IsEmpty && !_disposed && Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static writes => _ = writes.WriteQueueAsync(), this, preferLocal: false);
        }
    }

    /// <summary>What is queued, up to the next exclusive unit (<see cref="ExclusiveAsync"/>), which is a group of its own.</summary>
    private List<PendingWrite> Drain()
    {
        var group = new List<PendingWrite>();
        // Only the one caller that holds _writing takes from the queue, so what it peeks at is what it dequeues.
        while (_queue.TryPeek(out var next) && (!next.Exclusive || group.Count == 0))
        {
            _queue.TryDequeue(out _);
            group.Add(next);
            if (next.Exclusive)
            {
                break;
            }
        }
        return group;
    }

    /// <summary>
    /// One transaction for the group, a savepoint per write. A write that throws or discards itself is rolled back to its
    /// savepoint and the others go on; if SQLite rolled the whole transaction back itself (an I/O error, a full disk), or
    /// the commit fails, every write of the group fails and the connection is opened anew for the next group.
    /// </summary>
    private async Task WriteGroupAsync(List<PendingWrite> group)
    {
        if (group.Count == 0)
        {
            return;
        }
        if (group is [{ Exclusive: true } exclusive])
        {
            await exclusive.RunAloneAsync();
            return;
        }
        SqliteStatements sqlite;
        try
        {
            sqlite = _sqlite ??= SqliteStatements.Open(_connectionString!, _observers);
            sqlite.Begin();
        }
        catch (Exception e)
        {
            FailAll(group, e);
            return;
        }
        var written = new List<PendingWrite>(group.Count);
        foreach (var pending in group)
        {
            var write = HotWrite.ThroughSqlite(sqlite);
            try
            {
                sqlite.Savepoint();
                await pending.RunAsync(write);
                if (write.Discarded)
                {
                    sqlite.RollbackToSavepoint();
                }
                sqlite.ReleaseSavepoint();
                written.Add(pending);
            }
            catch (Exception e)
            {
                pending.Fail(e);
                if (!sqlite.InNativeTransaction || !TryRollbackToSavepoint(sqlite))
                {
                    var lost = new InvalidOperationException("The write's transaction was rolled back with a failed write of the same group.", e);
                    FailAll(written, lost);
                    FailAll(group.SkipWhile(p => !ReferenceEquals(p, pending)).Skip(1), lost);
                    Abandon(sqlite);
                    return;
                }
            }
        }
        try
        {
            sqlite.Commit();
        }
        catch (Exception e)
        {
            FailAll(written, e);
            Abandon(sqlite);
            return;
        }
        foreach (var pending in written)
        {
            pending.Complete();
        }
    }

    private static bool TryRollbackToSavepoint(SqliteStatements sqlite)
    {
        try
        {
            sqlite.RollbackToSavepoint();
            sqlite.ReleaseSavepoint();
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Rolls back what is left and closes the connection: after a failed commit or rollback it is not trusted again.</summary>
    private void Abandon(SqliteStatements sqlite)
    {
        try
        {
            if (sqlite.InNativeTransaction)
            {
                sqlite.Rollback();
            }
        }
        catch (Exception)
        {
            // Closing the connection rolls back whatever SQLite still holds.
        }
        _sqlite = null;
        sqlite.Dispose();
    }

    private static void FailAll(IEnumerable<PendingWrite> writes, Exception e)
    {
        foreach (var pending in writes)
        {
            pending.Fail(e);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Writes what is still queued, then closes the connection. The host disposes the writer after its requests finished,
    /// so the queue is normally empty; a write still queued belongs to a turn that outlived the shutdown timeout, and may
    /// have answered its customer already: it is written, not dropped.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        // Waits for a group in flight. A group still writing after that keeps the connection: closing it under that write
        // would be worse than leaving it to the exit.
        var deadline = Environment.TickCount64 + 10_000;
        while (Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
        {
            if (Environment.TickCount64 > deadline)
            {
                _disposed = true;
                return;
            }
            await Task.Delay(5);
        }
        while (Drain() is { Count: > 0 } group)
        {
            await WriteGroupAsync(group);
        }
        _disposed = true;
        var left = new List<PendingWrite>();
        while (_queue.TryDequeue(out var pending))
        {
            left.Add(pending);
        }
        FailAll(left, new ObjectDisposedException(nameof(HotWrites)));
        _sqlite?.Dispose();
        _sqlite = null;
    }

    /// <summary>A queued unit of writes and the caller waiting for it.</summary>
    private abstract class PendingWrite(bool exclusive)
    {
        /// <summary>Runs alone, between groups, on a connection of its own (<see cref="ExclusiveAsync"/>).</summary>
        public bool Exclusive { get; } = exclusive;

        public abstract bool IsDone { get; }

        /// <summary>Runs an exclusive unit and completes it, or fails it with what it threw.</summary>
        public async Task RunAloneAsync()
        {
            try
            {
                await RunAsync(null!);
                Complete();
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }

        public abstract Task RunAsync(HotWrite write);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<HotWrite, Task<T>> work, bool exclusive = false) : PendingWrite(exclusive)
    {
        // Continuations run on the pool: the writer goes on with the group instead of running the callers' turns.
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _done.Task;

        public override bool IsDone => _done.Task.IsCompleted;

        public override async Task RunAsync(HotWrite write) => _result = await work(write);

        public override void Complete() => _done.TrySetResult(_result!);

        public override void Fail(Exception exception) => _done.TrySetException(exception);
    }
}
