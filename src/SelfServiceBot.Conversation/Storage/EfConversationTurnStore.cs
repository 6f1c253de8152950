using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Conversation.Storage;

/// <summary>
/// A turn's state, events, transcript lines and claim completion in one transaction of two commands (<see cref="TurnSql"/>). When the
/// state changed since the turn read it, that transaction is rolled back and the writes go step by step instead, still in
/// one transaction, this turn's state winning.
/// </summary>
internal sealed class EfConversationTurnStore(IDbContextFactory<BotDbContext> factory, HotWrites writes, TimeProvider clock) : IConversationTurnStore
{
    // Only PostgreSQL with several instances can race the careful path (two turns inserting a conversation's first state,
    // or the same events, at once); SQLite serialises writers. A few attempts settle it: the loser sees the winner's rows.
    private const int MaxCarefulAttempts = 5;

    public async Task<TurnWriteResult> WriteAsync(FinishedTurn turn, CancellationToken cancellationToken)
    {
        if (await TryWriteAsReadAsync(turn, cancellationToken))
        {
            return new TurnWriteResult(OverwroteNewerState: false);
        }
        // Another turn of the conversation saved state after this one read it; nothing of this turn was written.
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

    /// <summary>
    /// The usual case: the state if it is still as the turn read it, then the events and transcript lines (keys a replay
    /// already wrote are skipped) and the claim's completion. False, and nothing written, when the state moved on.
    /// </summary>
    private async Task<bool> TryWriteAsReadAsync(FinishedTurn turn, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var now = clock.GetUtcNow();
        // Built before the write is queued: the group's writer only runs statements.
        var state = TurnSql.SaveStateAsRead(db, turn, now);
        var rest = TurnSql.EventsLinesAndCompletion(db, turn, now);
        return await writes.WriteAsync(db, transaction: true, async write =>
        {
            if (await write.ExecuteAsync(state, cancellationToken) != 1)
            {
                write.Discard();
                return false;
            }
            if (rest is not null)
            {
                await write.ExecuteAsync(rest, cancellationToken);
            }
            return true;
        }, cancellationToken);
    }

    private async Task<TurnWriteResult> WriteCarefullyAsync(FinishedTurn turn, List<ConversationEventRecord> events, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var overwrote = !await SaveStateAsync(db, turn, now, cancellationToken);

        await AddUnrecordedAsync(db.ConversationEvents, events, cancellationToken);
        await AddUnrecordedAsync(db.ConversationTranscriptLines(), TranscriptLineRecords.From(turn.ConversationKey, turn.TranscriptLines), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        if (turn.CompletedActivity is { } activity)
        {
            await TurnClaimCompletion.CompleteAsync(db, activity, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new TurnWriteResult(overwrote);
    }

    /// <summary>Adds the rows whose keys are not recorded yet (a replayed turn wrote the others), in order.</summary>
    private static async Task AddUnrecordedAsync<T>(DbSet<T> set, List<T> rows, CancellationToken cancellationToken)
        where T : class, IIdempotentRecord
    {
        if (rows.Count == 0)
        {
            return;
        }
        var keys = rows.Select(r => r.IdempotencyKey).ToList();
        var recorded = await set.Where(r => keys.Contains(r.IdempotencyKey)).Select(r => r.IdempotencyKey).ToListAsync(cancellationToken);
        set.AddRange(rows.Where(r => !recorded.Contains(r.IdempotencyKey)));
    }

    /// <summary>Writes the turn's state; false when it replaced a state saved after the turn read its own.</summary>
    private static async Task<bool> SaveStateAsync(BotDbContext db, FinishedTurn turn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var states = db.ConversationStates().Where(s => s.ConversationKey == turn.ConversationKey);
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
        db.ConversationStates().Add(new ConversationStateRecord { ConversationKey = turn.ConversationKey, Json = turn.StateJson, Version = 1, UpdatedAt = now });
        return turn.StateVersion is null;
    }
}
