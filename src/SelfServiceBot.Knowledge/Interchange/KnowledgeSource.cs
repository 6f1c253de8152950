using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Interchange;

/// <summary>
/// A knowledge base from wherever it is kept: a knowledgebase folder (Markdown files and
/// synonyms.&lt;locale&gt;.txt) or a single interchange file (.jsonl, .tsv from QnA Maker / question
/// answering, .csv), chosen by what the path is.
/// </summary>
public sealed record KnowledgeSource(KnowledgeBase KnowledgeBase, IReadOnlyDictionary<string, SynonymTable> Synonyms)
{
    public static KnowledgeSource Load(string path, string defaultLocale = "en")
    {
        if (Directory.Exists(path))
        {
            return new KnowledgeSource(KnowledgeBaseLoader.Load(path), SynonymFiles.LoadAll(path));
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No knowledge base at '{path}' (expected a folder, .jsonl, .tsv or .csv).", path);
        }
        var kb = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".json" => JsonLinesFormat.Read(path, defaultLocale),
            ".tsv" or ".txt" => QnaTsvFormat.Read(path, defaultLocale),
            ".csv" => CsvFormat.Read(path, defaultLocale),
            var other => throw new FormatException($"'{other}' is not a knowledge base format; use a folder, .jsonl, .tsv or .csv."),
        };
        return new KnowledgeSource(kb, new Dictionary<string, SynonymTable>());
    }

    /// <summary>How Chinese is analysed (<c>Knowledge:ChineseAnalysis</c>); every language's synonym table carries it to its analyzer.</summary>
    public ChineseAnalysis Chinese { get; init; }

    public SynonymTable SynonymsFor(string language) =>
        (Synonyms.TryGetValue(language, out var table) ? table : SynonymTable.Empty).With(Chinese);
}
