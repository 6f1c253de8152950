using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Model;

namespace SelfServiceBot.Data.Tests.Model;

public sealed class ComposedModelTests
{
    [Fact]
    public void A_module_adds_its_tables_to_the_one_context()
    {
        using var db = Context([new ProbeModule()]);

        var probe = db.Model.FindEntityType(typeof(Probe));

        Assert.NotNull(probe);
        Assert.Equal("Probes", probe.GetTableName());
        // The core's own tables are there too: one context, one transaction for every module's rows.
        Assert.NotNull(db.Model.FindEntityType(typeof(Entities.AppSecret)));
    }

    [Fact]
    public void Two_compositions_in_one_process_each_get_their_own_model()
    {
        using var with = Context([new ProbeModule()]);
        using var without = Context([]);

        Assert.NotNull(with.Model.FindEntityType(typeof(Probe)));
        Assert.Null(without.Model.FindEntityType(typeof(Probe)));
    }

    private static SqliteBotDbContext Context(IReadOnlyList<DataModule> modules) =>
        new(new DbContextOptionsBuilder<SqliteBotDbContext>().UseSqlite("Data Source=:memory:").UseDataModules(modules).Options);

    private sealed class Probe
    {
        public int Id { get; set; }
    }

    private sealed class ProbeModule : DataModule
    {
        public override void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Probe>().ToTable("Probes");
    }
}
