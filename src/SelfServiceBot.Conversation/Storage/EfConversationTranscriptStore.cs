using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;

namespace SelfServiceBot.Conversation.Storage;

internal sealed class EfConversationTranscriptStore(IDbContextFactory<BotDbContext> factory) : IConversationTranscriptStore
{
    public async Task<IReadOnlyList<StoredTranscriptLine>> ReadLastAsync(
        string conversationKey, string transcriptId, int limit, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var newestFirst = await db.ConversationTranscriptLines().AsNoTracking()
            .Where(l => l.ConversationKey == conversationKey && l.TranscriptId == transcriptId)
            .OrderByDescending(l => l.Id)
            .Take(limit)
            .Select(l => new StoredTranscriptLine(l.From, l.Text, l.At))
            .ToListAsync(cancellationToken);
        newestFirst.Reverse();
        return newestFirst;
    }
}
