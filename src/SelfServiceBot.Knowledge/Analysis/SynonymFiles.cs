using SelfServiceBot.Knowledge.Engine;

namespace SelfServiceBot.Knowledge.Analysis;

/// <summary><c>synonyms.&lt;locale&gt;.txt</c> files at the top of a knowledgebase folder, by language (en, zh).</summary>
public static class SynonymFiles
{
    public static IReadOnlyDictionary<string, SynonymTable> LoadAll(string knowledgeBaseFolder)
    {
        var tables = new Dictionary<string, SynonymTable>(StringComparer.Ordinal);
        if (!Directory.Exists(knowledgeBaseFolder))
        {
            return tables;
        }
        foreach (var file in Directory.EnumerateFiles(knowledgeBaseFolder, "synonyms.*.txt").Order(StringComparer.Ordinal))
        {
            var locale = Path.GetFileNameWithoutExtension(file)["synonyms.".Length..];
            tables[KnowledgeEngine.LanguageOf(locale)] = SynonymTable.Load(file);
        }
        return tables;
    }
}
