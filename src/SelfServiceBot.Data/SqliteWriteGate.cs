using Microsoft.EntityFrameworkCore;

namespace SelfServiceBot.Data;

/// <summary>
/// SQLite lets one writer in at a time, and a writer that finds the database locked sleeps in growing steps (1, 2, 5,
/// 10 ms, ...) on a blocked thread, so under concurrent turns the lock often sits free while writers sleep. The turn's own
/// writes (claim, end of turn, Direct Line log) queue here instead, asynchronously and first come first served, and find
/// the lock free. Other writers (another instance on the same file, background jobs) still meet SQLite's busy timeout.
/// PostgreSQL locks rows, not the database: no gate.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<IDisposable?> EnterAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        await _gate.WaitAsync(cancellationToken);
        return new Exit(_gate);
    }

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
