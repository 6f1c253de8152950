using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SelfServiceBot.Architecture.Tests;

/// <summary>
/// A module's tables are its own: its entities, EF configurations and stores (its <c>Storage</c> namespace) are used by
/// that module and by the host that composes the database, never by another module, which asks through the owner's
/// public services or a contract instead.
/// </summary>
public sealed class StorageTests
{
    public static TheoryData<string> ModulesWithTables => ["BotFramework", "Conversation", "Handoff", "Costs", "KnowledgeDrafts"];

    [Theory, MemberData(nameof(ModulesWithTables))]
    public void A_module_s_storage_is_used_only_by_the_module_and_the_host(string module)
    {
        var others = Modules.Names.Where(m => m != module && m != "Web").Select(Modules.AssemblyOf).ToArray();

        Types().That().ResideInAssembly(others[0], others[1..])
            .Should().NotDependOnAny(Types().That().ResideInNamespace($"SelfServiceBot.{module}.Storage"))
            .Check(Modules.Architecture);
    }

    [Theory, MemberData(nameof(ModulesWithTables))]
    public void A_module_with_tables_has_them_in_its_storage_namespace(string module)
    {
        // Keeps the rule above meaningful: the namespace exists and holds the module's DataModule.
        Assert.Contains(Modules.Architecture.Types, t => t.Namespace.FullName == $"SelfServiceBot.{module}.Storage"
            && t.Name == $"{module}Data");
    }
}
