using System.Text;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace SelfServiceBot.Knowledge.Analysis;

/// <summary>
/// One locale's <c>synonyms.&lt;locale&gt;.txt</c> (Solr format: <c>a, b, c</c> are equivalent, <c>a, b =&gt; c</c>
/// maps a and b to c; <c>#</c> starts a comment). Every variant is reduced to one canonical form (the first
/// term, or the right-hand side) on both the index and the query side, so "parcel" and "package" become
/// the same term without inflating either's frequency.
/// Chinese has no spaces, so variants written in Han characters are replaced in the character stream
/// before tokenising (<see cref="CharMap"/>); Latin variants are replaced as analysed tokens
/// (<see cref="TokenMap"/>), after stemming, so "parcels" matches "parcel".
/// </summary>
public sealed class SynonymTable
{
    public static readonly SynonymTable Empty = new([], []);

    private SynonymTable(IReadOnlyList<SynonymGroup> groups, IReadOnlyList<string> problems)
    {
        Groups = groups;
        Problems = problems;
    }

    public IReadOnlyList<SynonymGroup> Groups { get; }

    /// <summary>Lines that could not be read, as "line N: reason"; the other lines still apply.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// How the analyzer built with this table treats Chinese: carried here because the table is what reaches the analyzer
    /// of each language's index (<see cref="Interchange.KnowledgeSource.SynonymsFor"/>). Han variants are replaced in
    /// the characters, before any segmenting, so they work the same in every mode.
    /// </summary>
    public ChineseAnalysis Chinese { get; private init; }

    public SynonymTable With(ChineseAnalysis chinese) =>
        chinese == Chinese ? this : new SynonymTable(Groups, Problems) { Chinese = chinese };

    /// <summary>Replaces Han-script variants before tokenising; null when there are none.</summary>
    public NormalizeCharMap? CharMap { get; private set; }

    /// <summary>Replaces Latin-script variants after stemming; null when there are none.</summary>
    public SynonymMap? TokenMap { get; private set; }

    public static SynonymTable Parse(string text)
    {
        var groups = new List<SynonymGroup>();
        var problems = new List<string>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var sides = line.Split("=>");
            if (sides.Length > 2)
            {
                problems.Add($"line {lineNumber}: more than one '=>'");
                continue;
            }
            var left = Terms(sides[0]);
            var canonical = sides.Length == 2 ? Terms(sides[1]).FirstOrDefault() : left.FirstOrDefault();
            if (canonical is null || left.Count == 0 || (sides.Length == 1 && left.Count < 2))
            {
                problems.Add($"line {lineNumber}: needs at least two terms ('a, b') or 'a => b'");
                continue;
            }
            groups.Add(new SynonymGroup(canonical, left.Where(t => t != canonical).Distinct().ToList()));
        }
        return new SynonymTable(groups, problems);
    }

    public static SynonymTable Load(string? path) =>
        path is not null && File.Exists(path) ? Parse(File.ReadAllText(path, Encoding.UTF8)) : Empty;

    private static List<string> Terms(string side) =>
        side.Split(',').Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).ToList();

    /// <summary>Builds the maps; <paramref name="analyze"/> turns a Latin term into the tokens the chain makes of it.</summary>
    internal SynonymTable Compile(Func<string, IReadOnlyList<string>> analyze)
    {
        var charMap = new NormalizeCharMap.Builder();
        var hasChars = false;
        var tokenMap = new SynonymMap.Builder(dedup: true);
        var hasTokens = false;
        var mappedChars = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var canonicalTokens = analyze(group.Canonical);
            foreach (var variant in group.Variants)
            {
                if (ScriptOf.HasHan(variant))
                {
                    // The longest variant wins where two overlap (MappingCharFilter matches greedily).
                    if (mappedChars.Add(variant))
                    {
                        charMap.Add(variant, group.Canonical);
                        hasChars = true;
                    }
                    continue;
                }
                var variantTokens = analyze(variant);
                if (variantTokens.Count == 0 || canonicalTokens.Count == 0 || variantTokens.SequenceEqual(canonicalTokens))
                {
                    continue;
                }
                tokenMap.Add(Join(variantTokens), Join(canonicalTokens), includeOrig: false);
                hasTokens = true;
            }
        }
        CharMap = hasChars ? charMap.Build() : null;
        TokenMap = hasTokens ? tokenMap.Build() : null;
        return this;
    }

    private static CharsRef Join(IReadOnlyList<string> tokens) =>
        SynonymMap.Builder.Join(tokens.ToArray(), new CharsRef());
}

/// <summary>Terms that mean the same here, and the one they are all reduced to.</summary>
public sealed record SynonymGroup(string Canonical, IReadOnlyList<string> Variants);
