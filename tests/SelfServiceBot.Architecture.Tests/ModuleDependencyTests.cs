using System.Xml.Linq;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SelfServiceBot.Architecture.Tests;

/// <summary>
/// The dependency direction, twice: in the csproj references (what a reader sees first) and in the compiled code (what a
/// stray <c>using</c> would break, even where a reference is allowed transitively).
/// </summary>
public sealed class ModuleDependencyTests
{
    public static TheoryData<string> ModuleNames => [.. Modules.Names];

    [Fact]
    public void Every_project_under_src_is_a_module_with_rules()
    {
        var projects = Directory.GetDirectories(Path.Combine(Modules.RepositoryRoot(), "src"))
            .Select(d => Path.GetFileName(d)!["SelfServiceBot.".Length..]).Order().ToList();

        Assert.Equal(Modules.Names.Order(), projects);
    }

    [Theory, MemberData(nameof(ModuleNames))]
    public void A_project_references_only_the_modules_it_may_use(string module)
    {
        var csproj = Path.Combine(Modules.RepositoryRoot(), "src", $"SelfServiceBot.{module}", $"SelfServiceBot.{module}.csproj");
        var references = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))["SelfServiceBot.".Length..])
            .Order().ToList();

        Assert.Equal(Modules.MayUse[module].Order(), references);
    }

    [Theory, MemberData(nameof(ModuleNames))]
    public void A_module_s_code_uses_no_module_it_may_not(string module)
    {
        var forbidden = Modules.Names.Where(m => m != module && !Modules.MayUse[module].Contains(m)).ToList();
        if (forbidden.Count == 0)
        {
            return;
        }

        Types().That().ResideInAssembly(Modules.AssemblyOf(module))
            .Should().NotDependOnAny(Types().That().ResideInAssembly(
                Modules.AssemblyOf(forbidden[0]), forbidden.Skip(1).Select(Modules.AssemblyOf).ToArray()))
            .Check(Modules.Architecture);
    }
}
