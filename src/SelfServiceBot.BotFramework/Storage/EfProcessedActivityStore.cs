using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.BotFramework.Storage;

/// <summary>
/// Claims are rows keyed by (channel, conversation, activity id): the primary key makes two
/// instances agree on who handles a redelivered activity. The holder's token and its renewals of ClaimedAt tell a live
/// holder from a dead one (docs/reliability.md).
/// </summary>
public sealed class EfProcessedActivityStore(IDbContextFactory<BotDbContext> factory, HotWrites writes, TimeProvider clock) : IProcessedActivityStore
{
    private const string ClaimedAt = nameof(ProcessedActivity.ClaimedAt), CompletedAt = nameof(ProcessedActivity.CompletedAt),
        Token = nameof(ProcessedActivity.ClaimToken), RepliedAt = nameof(ProcessedActivity.RepliedAt);

    public async Task<bool> TryClaimAsync(ActivityKey key, TimeSpan lease, CancellationToken cancellationToken) =>
        (await ClaimAsync(key, Guid.NewGuid().ToString("N"), lease, cancellationToken)).Status == ClaimStatus.Claimed;

    /// <summary>
    /// A new activity (nearly every one) costs one insert. A redelivery reads the claim and, when its holder stopped renewing
    /// it, takes it over with a compare-and-set on the holder's token: of two redeliveries racing, one wins.
    /// </summary>
    public async Task<ClaimAttempt> ClaimAsync(ActivityKey key, string holder, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        var insert = new ModelSql(db)
            .Sql("INSERT INTO ").Table<ProcessedActivity>().Sql(" ")
            .Columns<ProcessedActivity>(nameof(ProcessedActivity.ChannelId), nameof(ProcessedActivity.ConversationId), nameof(ProcessedActivity.ActivityId), ClaimedAt, Token)
            .Sql(" VALUES ").Row<ProcessedActivity>(
            [
                (nameof(ProcessedActivity.ChannelId), key.ChannelId), (nameof(ProcessedActivity.ConversationId), key.ConversationId),
                (nameof(ProcessedActivity.ActivityId), key.ActivityId), (ClaimedAt, now), (Token, holder),
            ])
            .Sql(" ON CONFLICT ").Columns<ProcessedActivity>(nameof(ProcessedActivity.ChannelId), nameof(ProcessedActivity.ConversationId), nameof(ProcessedActivity.ActivityId))
            .Sql(" DO NOTHING");
        if (await writes.WriteAsync(db, transaction: false, async write => await write.ExecuteAsync(insert, cancellationToken) == 1, cancellationToken))
        {
            return new ClaimAttempt(ClaimStatus.Claimed, RepliesSent: false);
        }

        var existing = await Row(db, key).AsNoTracking()
            .Select(p => new { p.ClaimedAt, p.CompletedAt, p.ClaimToken, p.RepliedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is null || existing.CompletedAt is not null)
        {
            // Null: pruned between the two statements, i.e. completed long ago.
            return new ClaimAttempt(ClaimStatus.Completed, false);
        }
        if (existing.ClaimedAt >= now - lease)
        {
            return new ClaimAttempt(ClaimStatus.Busy, false);
        }
        var takeOver = Where(new ModelSql(db)
                .Sql("UPDATE ").Table<ProcessedActivity>()
                .Sql(" SET ").Column<ProcessedActivity>(ClaimedAt).Sql(" = ").Value<ProcessedActivity>(ClaimedAt, now)
                .Sql(", ").Column<ProcessedActivity>(Token).Sql(" = ").Value<ProcessedActivity>(Token, holder), key)
            .Sql(" AND ").Column<ProcessedActivity>(CompletedAt).Sql(" IS NULL")
            .Sql(" AND ").Column<ProcessedActivity>(ClaimedAt).Sql(" < ").Value<ProcessedActivity>(ClaimedAt, now - lease)
            .Sql(" AND COALESCE(").Column<ProcessedActivity>(Token).Sql(", '') = ").Value<ProcessedActivity>(Token, existing.ClaimToken ?? "");
        var won = await writes.WriteAsync(db, transaction: false, async write => await write.ExecuteAsync(takeOver, cancellationToken) == 1, cancellationToken);
        // Lost the race to another redelivery, which now holds it alive.
        return won ? new ClaimAttempt(ClaimStatus.Claimed, existing.RepliedAt is not null, TakenOver: true) : new ClaimAttempt(ClaimStatus.Busy, false);
    }

    public Task<bool> RenewAsync(ActivityKey key, string holder, CancellationToken cancellationToken) =>
        HolderUpdateAsync(key, holder, recordReplied: false, cancellationToken);

    // Bumps ClaimedAt too: a takeover that read the claim before this cannot then win its compare-and-set.
    public Task RecordRepliedAsync(ActivityKey key, string holder, CancellationToken cancellationToken) =>
        HolderUpdateAsync(key, holder, recordReplied: true, cancellationToken);

    private async Task<bool> HolderUpdateAsync(ActivityKey key, string holder, bool recordReplied, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        var sql = new ModelSql(db).Sql("UPDATE ").Table<ProcessedActivity>()
            .Sql(" SET ").Column<ProcessedActivity>(ClaimedAt).Sql(" = ").Value<ProcessedActivity>(ClaimedAt, now);
        if (recordReplied)
        {
            sql.Sql(", ").Column<ProcessedActivity>(RepliedAt).Sql(" = ").Value<ProcessedActivity>(RepliedAt, now);
        }
        Where(sql, key)
            .Sql(" AND ").Column<ProcessedActivity>(Token).Sql(" = ").Value<ProcessedActivity>(Token, holder)
            .Sql(" AND ").Column<ProcessedActivity>(CompletedAt).Sql(" IS NULL");
        return await writes.WriteAsync(db, transaction: false, async write => await write.ExecuteAsync(sql, cancellationToken) == 1, cancellationToken);
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
    /// here, and at the end of a turn's write (the conversation's TurnSql).
    /// </summary>
    public static ModelSql Completion(ModelSql sql, ActivityKey key, DateTimeOffset now) => Where(sql
        .Sql("UPDATE ").Table<ProcessedActivity>()
        .Sql(" SET ").Column<ProcessedActivity>(CompletedAt).Sql(" = ").Value<ProcessedActivity>(CompletedAt, now), key);

    private static ModelSql Where(ModelSql sql, ActivityKey key) => sql
        .Sql(" WHERE ").Column<ProcessedActivity>(nameof(ProcessedActivity.ChannelId)).Sql(" = ").Value<ProcessedActivity>(nameof(ProcessedActivity.ChannelId), key.ChannelId)
        .Sql(" AND ").Column<ProcessedActivity>(nameof(ProcessedActivity.ConversationId)).Sql(" = ").Value<ProcessedActivity>(nameof(ProcessedActivity.ConversationId), key.ConversationId)
        .Sql(" AND ").Column<ProcessedActivity>(nameof(ProcessedActivity.ActivityId)).Sql(" = ").Value<ProcessedActivity>(nameof(ProcessedActivity.ActivityId), key.ActivityId);

    private static IQueryable<ProcessedActivity> Row(BotDbContext db, ActivityKey key) => db.ProcessedActivities()
        .Where(p => p.ChannelId == key.ChannelId && p.ConversationId == key.ConversationId && p.ActivityId == key.ActivityId);
}
