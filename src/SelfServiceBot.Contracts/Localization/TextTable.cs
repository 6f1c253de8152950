using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace SelfServiceBot.Contracts.Localization;

/// <summary>
/// A typed table of texts over <see cref="TextResources"/>: a property per text, named as its key in the resource files,
/// reads <c>Text()</c>. One instance per language, created once; <see cref="For(string?)"/> picks one with <see cref="Locales"/>.
/// </summary>
/// <example><code>
/// public sealed class BotTexts : TextTable&lt;BotTexts&gt;
/// {
///     public string Welcome => Text();
/// }
/// BotTexts.For("zh-CN").Welcome
/// </code></example>
public abstract class TextTable<TSelf> where TSelf : TextTable<TSelf>, new()
{
    private IReadOnlyDictionary<string, string>? _texts;

    public static TextResources Resources { get; } = new(typeof(TSelf));

    public static TSelf English { get; } = Create(Locales.English);

    public static TSelf Chinese { get; } = Create(Locales.Chinese);

    /// <summary>The table for a locale (zh, zh-CN, zh-TW... are Chinese; anything else or nothing is English).</summary>
    public static TSelf For(string? locale) => Locales.IsChinese(locale) ? Chinese : English;

    public static TSelf For(CultureInfo culture) => For(culture.Name);

    /// <summary>The language of this table: en or zh-CN; also what its format strings are formatted with.</summary>
    public CultureInfo Culture { get; private set; } = CultureInfo.InvariantCulture;

    /// <summary>The text whose key is the calling property's name.</summary>
    protected string Text([CallerMemberName] string key = "") =>
        Texts.TryGetValue(key, out var text) ? text : throw new MissingManifestResourceException($"{Resources.BaseName} has no text '{key}'.");

    /// <summary>A composite format string of the table ({0}, {1}...) filled in with this table's culture.</summary>
    protected string Format(string key, params object?[] arguments) => string.Format(Culture, Text(key), arguments);

    /// <summary>The texts whose keys are "<paramref name="group"/>.name", by name: display names of stored values (roles, statuses).</summary>
    protected IReadOnlyDictionary<string, string> Names([CallerMemberName] string group = "") =>
        Texts.Where(t => t.Key.StartsWith(group + ".", StringComparison.Ordinal))
            .ToDictionary(t => t.Key[(group.Length + 1)..], t => t.Value, StringComparer.Ordinal);

    // Only the instances made by Create have texts; a table made with new() says how to get one instead of failing on null.
    private IReadOnlyDictionary<string, string> Texts =>
        _texts ?? throw new InvalidOperationException($"Use {typeof(TSelf).Name}.English, .Chinese or .For(locale), not a new {typeof(TSelf).Name}.");

    private static TSelf Create(string locale)
    {
        var table = new TSelf();
        TextTable<TSelf> self = table;
        self.Culture = CultureInfo.GetCultureInfo(locale);
        self._texts = Resources.In(self.Culture);
        return table;
    }
}
