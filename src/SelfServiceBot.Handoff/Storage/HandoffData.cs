using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Model;

namespace SelfServiceBot.Handoff.Storage;

/// <summary>The hand-off desk's tables in the one database: hand-off requests, their chat messages, their briefs, agents and their connections.</summary>
public sealed class HandoffData : DataModule;

public static class HandoffTables
{
    public static DbSet<HandoffRequestRecord> HandoffRequests(this BotDbContext db) => db.Set<HandoffRequestRecord>();

    public static DbSet<HandoffMessageRecord> HandoffMessages(this BotDbContext db) => db.Set<HandoffMessageRecord>();

    public static DbSet<HandoffBriefRecord> HandoffBriefs(this BotDbContext db) => db.Set<HandoffBriefRecord>();

    public static DbSet<AgentRecord> Agents(this BotDbContext db) => db.Set<AgentRecord>();

    public static DbSet<AgentConnectionRecord> AgentConnections(this BotDbContext db) => db.Set<AgentConnectionRecord>();
}
