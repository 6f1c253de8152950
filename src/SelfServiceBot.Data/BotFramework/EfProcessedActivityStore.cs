using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.HotPath;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Data.BotFramework;

/// <summary>
/// Claims are rows keyed by (channel, conversation, activity id): the primary key makes two
/// instances agree on who handles a redelivered activity.
/// </summary>
internal sealed class EfProcessedActivityStore(IDbContextFactory<BotDbContext> factory, HotWrites writes, TimeProvider clock) : IProcessedActivityStore
{
    /// <summary>
    /// One statement: insert the claim, or take over one abandoned longer than the lease (a crash mid-turn) and not completed;
    /// one row changed means the claim is ours. Two instances racing for the same activity: the key lets only one through.
    /// </summary>
    public async Task<bool> TryClaimAsync(ActivityKey key, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        const string claimedAt = nameof(ProcessedActivity.ClaimedAt), completedAt = nameof(ProcessedActivity.CompletedAt);
        var claim = new ModelSql(db)
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
            .Sql(" < ").Value<ProcessedActivity>(claimedAt, now - lease);
        return await writes.WriteAsync(db, transaction: false, async write => await write.ExecuteAsync(claim, cancellationToken) == 1, cancellationToken);
    }

    public async Task CompleteAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        var completion = Completion(new ModelSql(db), key, now);
        await writes.WriteAsync(db, transaction: false, write => write.ExecuteAsync(completion, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Appends the statement that marks the claim done (a redelivery is skipped from now on, whatever the lease): on its own
    /// here, and at the end of a turn's write (<see cref="Conversations.TurnSql"/>).
    /// </summary>
    internal static ModelSql Completion(ModelSql sql, ActivityKey key, DateTimeOffset now) => sql
        .Sql("UPDATE ").Table<ProcessedActivity>()
        .Sql(" SET ").Column<ProcessedActivity>(nameof(ProcessedActivity.CompletedAt)).Sql(" = ").Value<ProcessedActivity>(nameof(ProcessedActivity.CompletedAt), now)
        .Sql(" WHERE ").Column<ProcessedActivity>(nameof(ProcessedActivity.ChannelId)).Sql(" = ").Value<ProcessedActivity>(nameof(ProcessedActivity.ChannelId), key.ChannelId)
        .Sql(" AND ").Column<ProcessedActivity>(nameof(ProcessedActivity.ConversationId)).Sql(" = ").Value<ProcessedActivity>(nameof(ProcessedActivity.ConversationId), key.ConversationId)
        .Sql(" AND ").Column<ProcessedActivity>(nameof(ProcessedActivity.ActivityId)).Sql(" = ").Value<ProcessedActivity>(nameof(ProcessedActivity.ActivityId), key.ActivityId);
}
