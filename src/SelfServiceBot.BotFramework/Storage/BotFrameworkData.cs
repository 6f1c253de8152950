using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Model;

namespace SelfServiceBot.BotFramework.Storage;

/// <summary>The protocol's tables in the one database: turn claims, conversation references and the Direct Line log.</summary>
public sealed class BotFrameworkData : DataModule;

public static class BotFrameworkTables
{
    public static DbSet<ProcessedActivity> ProcessedActivities(this BotDbContext db) => db.Set<ProcessedActivity>();

    public static DbSet<ConversationReferenceRecord> ConversationReferences(this BotDbContext db) => db.Set<ConversationReferenceRecord>();

    public static DbSet<DirectLineConversation> DirectLineConversations(this BotDbContext db) => db.Set<DirectLineConversation>();

    public static DbSet<DirectLineActivity> DirectLineActivities(this BotDbContext db) => db.Set<DirectLineActivity>();
}
