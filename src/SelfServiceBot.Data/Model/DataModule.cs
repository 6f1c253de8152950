using Microsoft.EntityFrameworkCore;

namespace SelfServiceBot.Data.Model;

/// <summary>
/// A module's share of the one database: the entity types it owns, added to <see cref="BotDbContext"/>'s model. Data knows
/// no module; the host lists them (<c>AddBotDatabase(modules)</c>), and so does the migration tool, which must see all of
/// them so the generated migrations describe every table. One context holds every module's rows, so a turn that writes
/// several modules' rows is still one transaction. A module's configurations name their tables (<c>ToTable</c>): the
/// context has no DbSet property for them to take the name from, and the migrations know the tables by those names.
/// </summary>
public abstract class DataModule
{
    /// <summary>Adds the module's entity types; by default every <see cref="IEntityTypeConfiguration{TEntity}"/> of its assembly.</summary>
    public virtual void Configure(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
}
