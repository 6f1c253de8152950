using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Model;

namespace SelfServiceBot.Data;

/// <summary>
/// The one database of the product. Provider-specific subclasses (<see cref="SqliteBotDbContext"/>,
/// <see cref="PostgresBotDbContext"/>) exist only so each provider keeps its own migrations.
/// The staff sign-in (ASP.NET Core Identity: AspNetUsers, AspNetRoles, ...) lives here too. Each module's tables come from
/// the <see cref="DataModule"/>s in the options (<see cref="DataModuleOptions.UseDataModules"/>).
/// </summary>
public abstract class BotDbContext(DbContextOptions options) : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    public DbSet<ConversationEventRecord> ConversationEvents => Set<ConversationEventRecord>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly);
        foreach (var module in this.GetService<IDbContextOptions>().Modules())
        {
            module.Configure(modelBuilder);
        }
    }
}

public sealed class SqliteBotDbContext(DbContextOptions<SqliteBotDbContext> options) : BotDbContext(options)
{
    // SQLite has no native date-time-with-offset type; as a binary long (always UTC here) it sorts and compares in SQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresBotDbContext(DbContextOptions<PostgresBotDbContext> options) : BotDbContext(options);
