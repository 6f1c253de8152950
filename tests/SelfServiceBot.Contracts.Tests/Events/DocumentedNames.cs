using System.Reflection;
using System.Text.RegularExpressions;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Contracts.Tests.Events;

/// <summary>The persisted names as declared (every string constant of a type) and as docs/conversation-events.md documents them.</summary>
internal static partial class DocumentedNames
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(Path.Combine(RepositoryFolder.Root, "docs", "conversation-events.md")));

    public static IReadOnlyList<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    /// <summary>The first cell of each row of the "Types" table.</summary>
    public static IReadOnlyList<string> EventTypes() =>
        Section("## Types").Split('\n').Select(l => TypeRow().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The intents the customer_message row lists after DataJson.intent.</summary>
    public static IReadOnlyList<string> Intents()
    {
        var row = Section("## Types").Split('\n').Single(l => l.StartsWith("| `customer_message` |", StringComparison.Ordinal));
        var intents = row[row.IndexOf("`DataJson.intent`", StringComparison.Ordinal)..];
        return Code().Matches(intents).Select(m => m.Groups[1].Value).Where(v => v != "DataJson.intent").ToList();
    }

    /// <summary>Every DataJson field the page names.</summary>
    public static IReadOnlyList<string> DataKeys() =>
        DataField().Matches(Doc.Value).Select(m => m.Groups[1].Value).Distinct().ToList();

    private static string Section(string heading)
    {
        var start = Doc.Value.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/conversation-events.md has no '{heading}' section");
        var end = Doc.Value.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? Doc.Value[start..] : Doc.Value[start..end];
    }

    [GeneratedRegex(@"^\| `([a-z_]+)` \|")]
    private static partial Regex TypeRow();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"`DataJson\.([A-Za-z]+)`")]
    private static partial Regex DataField();
}
