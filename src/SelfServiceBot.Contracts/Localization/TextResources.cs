using System.Collections.ObjectModel;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace SelfServiceBot.Contracts.Localization;

/// <summary>
/// The texts of one table: a resource file named after its type (<c>X.resx</c>, English, the neutral language) and one
/// satellite per other language (<c>X.zh-CN.resx</c>), compiled into the module's assembly by the SDK. Each language's texts
/// are read once and then looked up for an explicit culture, never the thread's: the bot speaks the conversation's language
/// and a staff page the request's.
/// </summary>
public sealed class TextResources
{
    private readonly ResourceManager _manager;
    private readonly IReadOnlyDictionary<string, string> _english;
    private readonly IReadOnlyDictionary<string, string> _chinese;

    /// <param name="table">The type the resource files are named after (same folder, same name, so the same manifest name).</param>
    public TextResources(Type table) : this(table.FullName!, table.Assembly)
    {
    }

    /// <param name="baseName">The manifest name of the neutral resources, without ".resources".</param>
    /// <param name="assembly">The assembly they are compiled into (the satellites sit beside it, one folder per culture).</param>
    public TextResources(string baseName, Assembly assembly)
    {
        _manager = new ResourceManager(baseName, assembly);
        Keys = Declared(CultureInfo.InvariantCulture)?.Keys.ToList()
            ?? throw new MissingManifestResourceException($"{assembly.GetName().Name} has no resources {baseName}: is the .resx beside the type?");
        _english = Resolve(Locales.English);
        _chinese = Resolve(Locales.Chinese);
    }

    /// <summary>The manifest name of the neutral resources, e.g. SelfServiceBot.Web.SignIn.StaffTexts.</summary>
    public string BaseName => _manager.BaseName;

    /// <summary>Every key of the table (the English file's), sorted.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>All texts for the culture's language (English for any culture that is not Chinese).</summary>
    public IReadOnlyDictionary<string, string> In(CultureInfo culture) => Locales.IsChinese(culture) ? _chinese : _english;

    /// <summary>
    /// Only what the culture's own file declares, without falling back to English; <see cref="CultureInfo.InvariantCulture"/>
    /// is the English file. Null when there is no file for the culture. For the checks that every language has every key.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Declared(CultureInfo culture)
    {
        var set = _manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        if (set is null)
        {
            return null;
        }
        // Compiled resources keep no file order: sort, so what is listed (and the console's JSON) is stable.
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            texts[(string)entry.Key] = entry.Value as string ?? "";
        }
        return new ReadOnlyDictionary<string, string>(texts.ToDictionary(StringComparer.Ordinal));
    }

    private ReadOnlyDictionary<string, string> Resolve(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        // A key the language's file lacks falls back to English (ResourceManager's parent chain); the tests forbid that.
        return new(Keys.ToDictionary(key => key, key => _manager.GetString(key, culture) ?? "", StringComparer.Ordinal));
    }
}
