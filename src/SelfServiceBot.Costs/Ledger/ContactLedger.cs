using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>
/// Builds the contact ledger from the conversation events: applies them in Id order from a stored checkpoint, closes
/// contacts that went idle, marks recontacts. Every write runs in one transaction that first takes the projection row's
/// lock, so the contacts and the checkpoint move together: a process killed mid-batch leaves both as they were, and a
/// second instance waits, then sees the batch done and goes on from there. Each transaction takes its turn with the turns'
/// writes (<see cref="HotWrites.ExclusiveAsync"/>), so customers wait for one batch at most, never for a catch-up of many.
/// </summary>
public sealed class ContactLedger(
    IDbContextFactory<BotDbContext> factory,
    HotWrites writes,
    IOptions<CostsOptions> options,
    TimeProvider clock,
    ILogger<ContactLedger> logger)
{
    /// <summary>Events a transaction applies: small enough that the turns queued behind it wait a few milliseconds.</summary>
    internal const int BatchSize = 100;

    /// <summary>
    /// Catching up beside the turns (the background service), the ledger paces its batches: a backlog (after a burst of
    /// turns, a restart) is worked off over a few seconds instead of stalling the turns meanwhile. It still applies several
    /// thousand events a second, more than the busiest load the turn benchmark makes (docs/benchmarks.md, "A fixed rate").
    /// </summary>
    internal BatchPacing Pacing { get; } = new();

    /// <summary>Called after a batch is written, before it commits; tests throw here to play a process killed mid-batch.</summary>
    internal Func<Task>? BeforeCommit { get; set; }

    /// <summary>Applies every event written so far, then closes idle contacts and marks recontacts.</summary>
    /// <param name="besideTurns">Customers' turns run in this process meanwhile: pace a long catch-up (<see cref="Pacing"/>).
    /// False for the CLI, which wants the ledger current at once.</param>
    public async Task<LedgerPass> CatchUpAsync(CancellationToken cancellationToken, bool besideTurns = false)
    {
        var events = 0;
        int applied;
        do
        {
            var started = Stopwatch.GetTimestamp();
            applied = await ApplyNextBatchAsync(cancellationToken);
            events += applied;
            if (besideTurns && applied == BatchSize)
            {
                await Pacing.AfterBatchAsync(started, cancellationToken);
            }
        }
        while (applied > 0);
        var now = clock.GetUtcNow();
        var closed = await CloseIdleAsync(now, cancellationToken);
        var recontacts = await RecontactMarker.MarkAsync(factory, writes, now - options.Value.RecontactWindow - TimeSpan.FromDays(1), cancellationToken);
        if (events > 0 || closed > 0)
        {
            logger.LogInformation("Contact ledger: {EventCount} events applied, {ClosedCount} idle contacts closed, {RecontactCount} recontacts marked",
                events, closed, recontacts);
        }
        return new LedgerPass(events, closed);
    }

    /// <summary>Applies up to <see cref="BatchSize"/> events after the checkpoint; 0 when there were none.</summary>
    public async Task<int> ApplyNextBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var highWatermark = await EventHighWatermark.ReadAsync(db, cancellationToken);
        return await writes.ExclusiveAsync(db, () => ApplyBatchAsync(db, highWatermark, cancellationToken), cancellationToken);
    }

    private async Task<int> ApplyBatchAsync(BotDbContext db, long highWatermark, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var checkpoint = await LockAsync(db, cancellationToken);
        var batch = await db.ConversationEvents.AsNoTracking()
            .Where(e => e.Id > checkpoint.LastEventId && e.Id <= highWatermark)
            .OrderBy(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }
        var applier = new ContactEventApplier(db, options.Value, clock.GetUtcNow());
        await applier.LoadLatestAsync(batch.Select(e => (e.ChannelId, e.ConversationId)), cancellationToken);
        foreach (var e in batch)
        {
            await applier.ApplyAsync(e, cancellationToken);
        }
        checkpoint.LastEventId = batch[^1].Id;
        checkpoint.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        if (BeforeCommit is { } hook)
        {
            await hook();
        }
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    /// <summary>Closes contacts idle for the timeout (a waiting hand-off: for HandoffTimeoutHours) at their last activity.</summary>
    public async Task<int> CloseIdleAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var total = 0;
        while (true)
        {
            await using var db = factory.CreateDbContext();
            var closed = await writes.ExclusiveAsync(db, async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await LockAsync(db, cancellationToken);
                var idleBefore = now - o.ContactTimeout;
                var waitingBefore = now - o.HandoffTimeout;
                var idle = await db.Contacts()
                    .Where(c => c.IsOpen && c.LastActivityAt <= idleBefore && (!c.HandoffPending || c.LastActivityAt <= waitingBefore))
                    .OrderBy(c => c.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                foreach (var contact in idle)
                {
                    ContactRules.Close(contact, contact.LastActivityAt, o, now);
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return idle.Count;
            }, cancellationToken);
            total += closed;
            if (closed < BatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>Takes the ledger's lock (a write to its one row) and returns the checkpoint as it is now, tracked.</summary>
    private static async Task<ContactProjectionState> LockAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        await LedgerLock.TakeAsync(db, cancellationToken);
        return await db.ContactProjections().SingleAsync(p => p.Name == ContactProjectionState.ContactsName, cancellationToken);
    }
}

public sealed record LedgerPass(int EventsApplied, int ContactsClosed);
