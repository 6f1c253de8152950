using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Data.Conversations;

/// <summary>
/// A turn's state, events and claim completion in one SaveChanges: one transaction, and on PostgreSQL one round trip.
/// That fails only when the state changed since the turn read it, or some of the events are already there (a replay after
/// a crash); then the same writes go step by step, still in one transaction.
/// </summary>
internal sealed class EfConversationTurnStore(IDbContextFactory<BotDbContext> factory, TimeProvider clock) : IConversationTurnStore
{
    // Only PostgreSQL with several instances can race the careful path (two replays of one activity at once); SQLite
    // serialises writers. A few attempts settle it: the loser sees the winner's rows on its next try.
    private const int MaxCarefulAttempts = 5;

    public async Task<TurnWriteResult> WriteAsync(FinishedTurn turn, CancellationToken cancellationToken)
    {
        var records = ConversationEventRecords.From(turn.Events);
        try
        {
            await WriteAsReadAsync(turn, records, cancellationToken);
            return new TurnWriteResult(OverwroteNewerState: false);
        }
        catch (DbUpdateException)
        {
            // The state's version moved on, an event key exists, or the claim row is missing: nothing was written.
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteCarefullyAsync(turn, ConversationEventRecords.From(turn.Events), cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxCarefulAttempts)
            {
            }
        }
    }

    private async Task WriteAsReadAsync(FinishedTurn turn, List<ConversationEventRecord> events, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        if (turn.StateVersion is { } version)
        {
            // Version is a concurrency token: the UPDATE only matches the row as the turn read it.
            var state = db.ConversationStates.Attach(new ConversationStateRecord { ConversationKey = turn.ConversationKey, Json = "", Version = version }).Entity;
            state.Json = turn.StateJson;
            state.Version = version + 1;
            state.UpdatedAt = now;
        }
        else
        {
            db.ConversationStates.Add(new ConversationStateRecord { ConversationKey = turn.ConversationKey, Json = turn.StateJson, Version = 1, UpdatedAt = now });
        }
        db.ConversationEvents.AddRange(events);
        if (turn.CompletedActivity is { } activity)
        {
            db.ProcessedActivities.Attach(Claim(activity)).Entity.CompletedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<TurnWriteResult> WriteCarefullyAsync(FinishedTurn turn, List<ConversationEventRecord> events, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var overwrote = !await SaveStateAsync(db, turn, now, cancellationToken);

        var keys = events.Select(e => e.IdempotencyKey).ToList();
        var recorded = await db.ConversationEvents.Where(e => keys.Contains(e.IdempotencyKey)).Select(e => e.IdempotencyKey)
            .ToListAsync(cancellationToken);
        db.ConversationEvents.AddRange(events.Where(e => !recorded.Contains(e.IdempotencyKey)));
        await db.SaveChangesAsync(cancellationToken);

        if (turn.CompletedActivity is { } activity)
        {
            await db.ProcessedActivities
                .Where(p => p.ChannelId == activity.ChannelId && p.ConversationId == activity.ConversationId && p.ActivityId == activity.ActivityId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CompletedAt, now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new TurnWriteResult(overwrote);
    }

    /// <summary>Writes the turn's state; false when it replaced a state saved after the turn read its own.</summary>
    private static async Task<bool> SaveStateAsync(BotDbContext db, FinishedTurn turn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var states = db.ConversationStates.Where(s => s.ConversationKey == turn.ConversationKey);
        if (turn.StateVersion is { } version
            && await states.Where(s => s.Version == version).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Json, turn.StateJson)
                .SetProperty(x => x.Version, version + 1)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken) == 1)
        {
            return true;
        }
        var replaced = await states.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Json, turn.StateJson)
            .SetProperty(x => x.Version, x => x.Version + 1)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (replaced == 1)
        {
            return false;
        }
        // No row: new, or reset by a failed turn meanwhile. A concurrent insert fails this attempt; the next one replaces it.
        db.ConversationStates.Add(new ConversationStateRecord { ConversationKey = turn.ConversationKey, Json = turn.StateJson, Version = 1, UpdatedAt = now });
        return turn.StateVersion is null;
    }

    private static ProcessedActivity Claim(ActivityKey key) =>
        new() { ChannelId = key.ChannelId, ConversationId = key.ConversationId, ActivityId = key.ActivityId };
}
