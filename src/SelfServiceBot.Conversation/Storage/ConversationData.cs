using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Model;

namespace SelfServiceBot.Conversation.Storage;

/// <summary>
/// The conversation's tables in the one database: dialog states and transcript lines. Its events go to the event log of
/// the persistence core (ConversationEvents), which the hand-off desk writes too and the contact ledger reads.
/// </summary>
public sealed class ConversationData : DataModule;

public static class ConversationTables
{
    public static DbSet<ConversationStateRecord> ConversationStates(this BotDbContext db) => db.Set<ConversationStateRecord>();

    public static DbSet<ConversationTranscriptLineRecord> ConversationTranscriptLines(this BotDbContext db) => db.Set<ConversationTranscriptLineRecord>();
}
