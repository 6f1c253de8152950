using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Data.Conversations;

/// <summary>
/// Writes a turn's events in one transaction. The unique index on IdempotencyKey is the guarantee:
/// when a replay collides with rows already there, the batch is retried without the known keys.
/// </summary>
internal sealed class EfConversationEvents(IDbContextFactory<BotDbContext> factory) : IConversationEvents
{
    public async Task RecordAsync(IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }
        var records = ConversationEventRecords.From(events);
        try
        {
            await using var db = factory.CreateDbContext();
            db.ConversationEvents.AddRange(records);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await InsertMissingAsync(records, cancellationToken);
        }
    }

    private async Task InsertMissingAsync(List<ConversationEventRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            record.Id = 0;
            await using var db = factory.CreateDbContext();
            if (await db.ConversationEvents.AnyAsync(e => e.IdempotencyKey == record.IdempotencyKey, cancellationToken))
            {
                continue;
            }
            db.ConversationEvents.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Fine if another instance recorded the same replayed event a moment ago; anything else is a real failure.
                if (!await ExistsAsync(record.IdempotencyKey, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.ConversationEvents.AnyAsync(e => e.IdempotencyKey == key, cancellationToken);
    }
}
