using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Data.BotFramework;

/// <summary>
/// Claims are rows keyed by (channel, conversation, activity id): the primary key makes two
/// instances agree on who handles a redelivered activity.
/// </summary>
internal sealed class EfProcessedActivityStore(IDbContextFactory<BotDbContext> factory, TimeProvider clock) : IProcessedActivityStore
{
    public async Task<bool> TryClaimAsync(ActivityKey key, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        db.ProcessedActivities.Add(new ProcessedActivity
        {
            ChannelId = key.ChannelId,
            ConversationId = key.ConversationId,
            ActivityId = key.ActivityId,
            ClaimedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Already there: take it over only when an earlier claim was abandoned (crash mid-turn).
            var staleBefore = now - lease;
            var taken = await db.ProcessedActivities
                .Where(Is(key))
                .Where(p => p.CompletedAt == null && p.ClaimedAt < staleBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedAt, now), cancellationToken);
            return taken == 1;
        }
    }

    public async Task CompleteAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        await db.ProcessedActivities
            .Where(Is(key))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CompletedAt, now), cancellationToken);
    }

    private static Expression<Func<ProcessedActivity, bool>> Is(ActivityKey key) =>
        p => p.ChannelId == key.ChannelId && p.ConversationId == key.ConversationId && p.ActivityId == key.ActivityId;
}
