using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Conversations;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data;

namespace SelfServiceBot.BotFramework.Storage;

/// <summary>Conversation references keyed "{channelId}|{conversationId}"; the ServiceUrl column is stored normalised for trust look-ups.</summary>
internal sealed class EfConversationReferenceStore(IDbContextFactory<BotDbContext> factory, TimeProvider clock) : IConversationReferenceStore
{
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var channelId = reference.ChannelId ?? throw new ArgumentException("The reference has no channelId.", nameof(reference));
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation id.", nameof(reference));
        var serviceUrl = ServiceUrls.Normalize(reference.ServiceUrl) ?? throw new ArgumentException("The reference has no serviceUrl.", nameof(reference));
        var key = Key(channelId, conversationId);
        var json = BotJson.Serialize(reference);

        // Two instances may insert the same new conversation at once: the loser updates instead.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = factory.CreateDbContext();
            var record = await db.ConversationReferences().FindAsync([key], cancellationToken);
            if (record is null)
            {
                record = new ConversationReferenceRecord { ConversationKey = key, ChannelId = channelId, ServiceUrl = serviceUrl, Json = json };
                db.ConversationReferences().Add(record);
            }
            record.ServiceUrl = serviceUrl;
            record.Json = json;
            record.UpdatedAt = clock.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
            }
        }
    }

    public async Task<ConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var key = Key(channelId, conversationId);
        var json = await db.ConversationReferences().Where(r => r.ConversationKey == key).Select(r => r.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : BotJson.Deserialize<ConversationReference>(json);
    }

    public async Task<bool> IsKnownServiceUrlAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var normalized = ServiceUrls.Normalize(serviceUrl);
        if (normalized is null)
        {
            return false;
        }
        await using var db = factory.CreateDbContext();
        return await db.ConversationReferences().AnyAsync(r => r.ServiceUrl == normalized, cancellationToken);
    }

    private static string Key(string channelId, string conversationId) => new ConversationKey(channelId, conversationId).ToString();
}
