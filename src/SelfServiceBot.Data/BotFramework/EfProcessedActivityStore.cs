using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.BotFramework;

/// <summary>
/// Claims are rows keyed by (channel, conversation, activity id): the primary key makes two
/// instances agree on who handles a redelivered activity.
/// </summary>
internal sealed class EfProcessedActivityStore(IDbContextFactory<BotDbContext> factory, SqliteWriteGate writes, TimeProvider clock) : IProcessedActivityStore
{
    /// <summary>
    /// One statement: insert the claim, or take over one abandoned longer than the lease (a crash mid-turn) and not completed;
    /// one row changed means the claim is ours. Two instances racing for the same activity: the key lets only one through.
    /// </summary>
    public async Task<bool> TryClaimAsync(ActivityKey key, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        using var gate = await writes.EnterAsync(db, cancellationToken);
        const string claimedAt = nameof(ProcessedActivity.ClaimedAt), completedAt = nameof(ProcessedActivity.CompletedAt);
        var claimed = await new ModelSql(db)
            .Sql("INSERT INTO ").Table<ProcessedActivity>().Sql(" ")
            .Columns<ProcessedActivity>(nameof(ProcessedActivity.ChannelId), nameof(ProcessedActivity.ConversationId), nameof(ProcessedActivity.ActivityId), claimedAt)
            .Sql(" VALUES ").Row<ProcessedActivity>(
            [
                (nameof(ProcessedActivity.ChannelId), key.ChannelId), (nameof(ProcessedActivity.ConversationId), key.ConversationId),
                (nameof(ProcessedActivity.ActivityId), key.ActivityId), (claimedAt, now),
            ])
            .Sql(" ON CONFLICT ").Columns<ProcessedActivity>(nameof(ProcessedActivity.ChannelId), nameof(ProcessedActivity.ConversationId), nameof(ProcessedActivity.ActivityId))
            .Sql(" DO UPDATE SET ").Column<ProcessedActivity>(claimedAt).Sql(" = ").Value<ProcessedActivity>(claimedAt, now)
            .Sql(" WHERE ").QualifiedColumn<ProcessedActivity>(completedAt).Sql(" IS NULL AND ").QualifiedColumn<ProcessedActivity>(claimedAt)
            .Sql(" < ").Value<ProcessedActivity>(claimedAt, now - lease)
            .ExecuteAsync(cancellationToken);
        return claimed == 1;
    }

    public async Task CompleteAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        using var gate = await writes.EnterAsync(db, cancellationToken);
        await db.ProcessedActivities
            .Where(Is(key))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CompletedAt, now), cancellationToken);
    }

    private static Expression<Func<ProcessedActivity, bool>> Is(ActivityKey key) =>
        p => p.ChannelId == key.ChannelId && p.ConversationId == key.ConversationId && p.ActivityId == key.ActivityId;
}
