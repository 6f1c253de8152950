using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// Marks an inbound activity's claim done inside the bot's own write of the turn, so the turn's rows and the claim's
/// completion commit together (a crash leaves both or neither). The protocol's published way to do it: the bot needs no
/// knowledge of the claims' table.
/// </summary>
public static class TurnClaimCompletion
{
    /// <summary>Appends the completing statement to a batch the caller executes in its transaction.</summary>
    public static ModelSql AppendTo(ModelSql sql, ActivityKey key, DateTimeOffset now) => EfProcessedActivityStore.Completion(sql, key, now);

    /// <summary>Completes the claim through <paramref name="db"/>, inside the caller's open transaction.</summary>
    public static Task CompleteAsync(BotDbContext db, ActivityKey key, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ProcessedActivities()
            .Where(p => p.ChannelId == key.ChannelId && p.ConversationId == key.ConversationId && p.ActivityId == key.ActivityId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CompletedAt, now), cancellationToken);
}
