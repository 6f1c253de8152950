using System.Reflection;
using ArchUnitNET.Loader;

namespace SelfServiceBot.Architecture.Tests;

/// <summary>
/// The modules of the solution and which of them each may use: the table docs/architecture.md draws. A module is one
/// project (<c>src/SelfServiceBot.{Name}</c>, assembly <c>SelfServiceBot.{Name}</c>).
/// </summary>
internal static class Modules
{
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        ["Contracts"] = [],
        ["Data"] = ["Contracts"],
        ["BotFramework"] = ["Contracts", "Data"],
        ["Knowledge"] = ["Contracts", "AI"],
        ["KnowledgeDrafts"] = ["Contracts", "Data", "Knowledge"],
        ["Handoff"] = ["Contracts", "Data", "BotFramework", "AI"],
        ["Conversation"] = ["Contracts", "Data", "BotFramework", "Knowledge", "AI"],
        ["Costs"] = ["Contracts", "Data"],
        ["AI"] = ["Contracts"],
        ["Web"] = ["Contracts", "Data", "BotFramework", "Knowledge", "KnowledgeDrafts", "Handoff", "Conversation", "Costs", "AI"],
    };

    public static IEnumerable<string> Names => MayUse.Keys;

    public static Assembly AssemblyOf(string module) => Assembly.Load($"SelfServiceBot.{module}");

    /// <summary>Every module's assembly, read once: loading takes a few seconds.</summary>
    public static readonly ArchUnitNET.Domain.Architecture Architecture =
        new ArchLoader().LoadAssemblies(Names.Select(AssemblyOf).ToArray()).Build();

    /// <summary>Every type of the solution's own modules (the architecture also holds the framework types they use).</summary>
    public static ArchUnitNET.Fluent.Syntax.Elements.Types.GivenTypesConjunction OwnTypes() =>
        ArchUnitNET.Fluent.ArchRuleDefinition.Types().That().ResideInAssemblyMatching(@"^SelfServiceBot\.");

    /// <summary>The repository's root: the folder above the test's output that holds SelfServiceBot.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SelfServiceBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No SelfServiceBot.sln above {AppContext.BaseDirectory}.");
    }
}
