using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Interchange;

/// <summary>
/// One article a row: <c>id,title,questions,answer,category,locale,tags,related,owner,updated</c>, lists separated by
/// <c>|</c>, <c>updated</c> as yyyy-MM-dd. Columns are found by their header name, so their order and extra columns do
/// not matter, and files without the last columns still load.
/// </summary>
public static class CsvFormat
{
    public static readonly string[] Columns = ["id", "title", "questions", "answer", "category", "locale", "tags", "related", "owner", "updated"];

    public static KnowledgeBase Read(string path, string defaultLocale = "en")
    {
        var articles = new List<KnowledgeArticle>();
        var problems = new List<KnowledgeLoadProblem>();
        using var reader = new StreamReader(path);
        Dictionary<string, int>? header = null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in CsvText.Read(reader, ','))
        {
            if (header is null)
            {
                header = fields.Select((f, i) => (f.Trim().ToLowerInvariant(), i)).ToDictionary(x => x.Item1, x => x.i);
                if (!header.ContainsKey("id") || !header.ContainsKey("answer"))
                {
                    problems.Add(new KnowledgeLoadProblem(path, line, "the header must name at least the columns id and answer"));
                    break;
                }
                continue;
            }
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string Get(string column) => header.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Trim() : "";
            IReadOnlyList<string> List(string column) => Get(column).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var questions = List("questions");
            var title = Get("title") is { Length: > 0 } t ? t : questions.FirstOrDefault() ?? "";
            if (Get("id").Length == 0 || Get("answer").Length == 0 || title.Length == 0)
            {
                problems.Add(new KnowledgeLoadProblem(path, line, "id, answer and a title (or a question) are required"));
                continue;
            }
            if (!ArticleDates.TryParse(Get("updated"), out var updated, out var reason))
            {
                problems.Add(new KnowledgeLoadProblem(path, line, reason!));
                continue;
            }
            var article = new KnowledgeArticle
            {
                Id = Get("id"),
                Title = title,
                Questions = questions,
                Body = Get("answer"),
                Category = Get("category") is { Length: > 0 } c ? c : "general",
                Locale = Get("locale") is { Length: > 0 } l ? l : defaultLocale,
                Tags = List("tags"),
                Related = List("related"),
                Owner = Get("owner") is { Length: > 0 } owner ? owner : null,
                Updated = updated,
                SourcePath = $"{Path.GetFileName(path)}:{line}",
            };
            if (!seen.Add($"{article.Locale}|{article.Id}"))
            {
                problems.Add(new KnowledgeLoadProblem(path, line, $"duplicate id '{article.Id}'"));
                continue;
            }
            articles.Add(article);
        }
        return new KnowledgeBase(Path.GetFullPath(path), articles, problems);
    }

    public static void Write(IEnumerable<KnowledgeArticle> articles, TextWriter writer)
    {
        writer.WriteLine(string.Join(',', Columns));
        foreach (var a in articles)
        {
            string[] row = [a.Id, a.Title, string.Join('|', a.Questions), a.Body, a.Category, a.Locale, string.Join('|', a.Tags), string.Join('|', a.Related),
                a.Owner ?? "", ArticleDates.Format(a.Updated)];
            writer.WriteLine(string.Join(',', row.Select(v => CsvText.Escape(v, ','))));
        }
    }
}
