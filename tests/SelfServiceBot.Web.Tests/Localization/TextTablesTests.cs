using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using SelfServiceBot.Contracts.Localization;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Tests.Localization;

/// <summary>
/// Every text table of every module (each X.resx compiled into a SelfServiceBot assembly) speaks both languages: the
/// zh-CN satellite has exactly the English keys, nothing is empty, format strings take the same placeholders, and the
/// Chinese is a translation, not a copy. Tables are found in the assemblies, so a new one is checked without listing it here.
/// </summary>
public partial class TextTablesTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(Locales.Chinese);

    /// <summary>Texts that are the same in both languages on purpose: names and notation, not words.</summary>
    private static readonly HashSet<string> SameInBothLanguages = new(StringComparer.Ordinal);

    public static TheoryData<string> Tables() => [.. FindTables().Keys];

    [Fact]
    public void The_tables_of_the_staff_pages_the_console_and_the_bot_are_all_found()
    {
        Assert.Superset(new HashSet<string>
        {
            "SelfServiceBot.Conversation.Localization.BotTexts",
            "SelfServiceBot.Contracts.Handoff.HandoffTexts",
            "SelfServiceBot.Web.AgentConsole.ConsoleTexts",
            "SelfServiceBot.Web.SignIn.StaffTexts",
            "SelfServiceBot.Web.Legal.LegalTexts",
            "SelfServiceBot.Web.KnowledgeDrafts.KnowledgeDraftTexts",
            "SelfServiceBot.Web.AgentProfiles.AgentProfileTexts",
        }, FindTables().Keys.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_Chinese_file_has_exactly_the_English_keys_none_empty(string table)
    {
        var (english, chinese) = Both(table);

        Assert.True(!english.Keys.Except(chinese.Keys).Any(), $"{table}: zh-CN lacks {string.Join(", ", english.Keys.Except(chinese.Keys))}");
        Assert.True(!chinese.Keys.Except(english.Keys).Any(), $"{table}: only zh-CN has {string.Join(", ", chinese.Keys.Except(english.Keys))}");
        Assert.All(english.Concat(chinese), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{table}: {text.Key} is empty"));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Both_languages_take_the_same_placeholders(string table)
    {
        var (english, chinese) = Both(table);

        Assert.All(english.Where(t => chinese.ContainsKey(t.Key)), text =>
            Assert.True(Placeholders(text.Value).SetEquals(Placeholders(chinese[text.Key])),
                $"{table}: {text.Key} takes {string.Join(" ", Placeholders(text.Value))} in English but {string.Join(" ", Placeholders(chinese[text.Key]))} in Chinese"));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_Chinese_is_a_translation_not_a_copy_of_the_English(string table)
    {
        var (english, chinese) = Both(table);

        Assert.All(english.Where(t => chinese.ContainsKey(t.Key) && !SameInBothLanguages.Contains($"{table}:{t.Key}")), text =>
            Assert.NotEqual(text.Value, chinese[text.Key]));
    }

    [Fact]
    public void Every_property_of_every_typed_table_reads_a_text_in_both_languages()
    {
        var tables = FindTables().Values.Distinct().SelectMany(a => a.GetTypes())
            .Where(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(TextTable<>)).ToList();
        Assert.NotEmpty(tables);
        foreach (var type in tables)
        {
            foreach (var language in new[] { "English", "Chinese" })
            {
                var table = type.GetProperty(language, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)!.GetValue(null);
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                             .Where(p => p.PropertyType == typeof(string)))
                {
                    Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(table)), $"{type.Name}.{property.Name} in {language}");
                }
            }
        }
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("zh-TW", true)]
    [InlineData("zh", true)]
    [InlineData("en-GB", false)]
    [InlineData("fr", false)]
    [InlineData(null, false)]
    public void A_locale_picks_the_Chinese_or_the_English_table(string? locale, bool chinese)
    {
        Assert.Same(chinese ? StaffTexts.Chinese : StaffTexts.English, StaffTexts.For(locale));
        Assert.Equal(chinese ? "登录" : "Sign in", StaffTexts.For(locale).SignInTitle);
    }

    [Fact]
    public void A_table_made_with_new_says_how_to_get_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new StaffTexts().SignInTitle);

        Assert.Contains("StaffTexts.English", error.Message, StringComparison.Ordinal);
    }

    private static (IReadOnlyDictionary<string, string> English, IReadOnlyDictionary<string, string> Chinese) Both(string table)
    {
        var resources = new TextResources(table, FindTables()[table]);
        var english = resources.Declared(CultureInfo.InvariantCulture);
        var chinese = resources.Declared(Chinese);
        Assert.NotNull(english);
        Assert.True(chinese is not null, $"{table} has no zh-CN file");
        return (english, chinese);
    }

    /// <summary>{0}, {1:N0}, {2,5} (composite format) and {operator} (filled in by name) as "{0}", "{1}", "{operator}".</summary>
    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => "{" + m.Groups["name"].Value + "}").ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?<name>\d+|[a-z]+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>Base name -> assembly for each compiled .resx of the application's own assemblies.</summary>
    private static Dictionary<string, Assembly> FindTables()
    {
        var assemblies = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(Program).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (assemblies.TryAdd(assembly.GetName().Name!, assembly))
            {
                foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("SelfServiceBot.", StringComparison.Ordinal)))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }
        return assemblies.Values
            .SelectMany(a => a.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)).Select(n => (Name: n[..^".resources".Length], Assembly: a)))
            .ToDictionary(t => t.Name, t => t.Assembly, StringComparer.Ordinal);
    }
}
