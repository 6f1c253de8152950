using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Model;

namespace SelfServiceBot.Costs.Storage;

/// <summary>The contact ledger's tables in the one database: contacts, the ledger's progress and the cost model versions.</summary>
public sealed class CostsData : DataModule;

public static class CostsTables
{
    public static DbSet<ContactRecord> Contacts(this BotDbContext db) => db.Set<ContactRecord>();

    public static DbSet<ContactProjectionState> ContactProjections(this BotDbContext db) => db.Set<ContactProjectionState>();

    public static DbSet<CostModelVersionRecord> CostModelVersions(this BotDbContext db) => db.Set<CostModelVersionRecord>();
}
