using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Interchange;

/// <summary>
/// The tab-separated export of QnA Maker and Azure question answering: one row per question
/// (<c>Question, Answer, Source, Metadata[, SuggestedQuestions, IsContextOnly, Prompts, QnaId]</c>); rows
/// with the same QnaId (or, in older exports without it, the same answer) are one article. Metadata is
/// <c>key:value|key:value</c>; <c>category</c>, <c>id</c> and <c>locale</c> keys are used, the rest become tags.
/// </summary>
public static class QnaTsvFormat
{
    public static KnowledgeBase Read(string path, string defaultLocale = "en")
    {
        var problems = new List<KnowledgeLoadProblem>();
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<string>();
        using var reader = new StreamReader(path);
        Dictionary<string, int>? header = null;
        foreach (var (line, fields) in CsvText.Read(reader, '\t'))
        {
            if (header is null)
            {
                header = fields.Select((f, i) => (f.Trim().ToLowerInvariant(), i)).ToDictionary(x => x.Item1, x => x.i);
                if (!header.ContainsKey("question") || !header.ContainsKey("answer"))
                {
                    problems.Add(new KnowledgeLoadProblem(path, line, "the header must have the columns Question and Answer"));
                    break;
                }
                continue;
            }
            string Get(string column) => header.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Trim() : "";
            var question = Get("question");
            var answer = Get("answer").Replace("\\n", "\n");
            if (question.Length == 0 && answer.Length == 0)
            {
                continue;
            }
            if (question.Length == 0 || answer.Length == 0)
            {
                problems.Add(new KnowledgeLoadProblem(path, line, "a row needs both a question and an answer"));
                continue;
            }
            var key = Get("qnaid") is { Length: > 0 } qnaId ? "id:" + qnaId : "answer:" + answer;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new Group(Get("qnaid"), answer, Metadata(Get("metadata")), line);
                order.Add(key);
            }
            group.Questions.Add(question);
        }
        var articles = order.Select(k => groups[k]).Select((g, i) => new KnowledgeArticle
        {
            Id = g.Metadata.GetValueOrDefault("id") ?? (g.QnaId.Length > 0 ? "qna-" + g.QnaId : $"qna-{i + 1}"),
            Title = g.Questions[0],
            Questions = g.Questions.Skip(1).Distinct().ToList(),
            Body = g.Answer,
            Category = g.Metadata.GetValueOrDefault("category") ?? "general",
            Locale = g.Metadata.GetValueOrDefault("locale") ?? defaultLocale,
            Tags = g.Metadata.Where(kv => kv.Key is not ("id" or "category" or "locale")).Select(kv => $"{kv.Key}:{kv.Value}").ToList(),
            SourcePath = $"{Path.GetFileName(path)}:{g.Line}",
        }).ToList();
        return new KnowledgeBase(Path.GetFullPath(path), articles, problems);
    }

    private static Dictionary<string, string> Metadata(string text) =>
        text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split(':', 2))
            .Where(kv => kv.Length == 2 && kv[0].Trim().Length > 0)
            .GroupBy(kv => kv[0].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.Ordinal);

    public static void Write(IEnumerable<KnowledgeArticle> articles, TextWriter writer)
    {
        writer.WriteLine("Question\tAnswer\tSource\tMetadata\tQnaId");
        var qnaId = 0;
        foreach (var a in articles)
        {
            qnaId++;
            var metadata = $"id:{a.Id}|category:{a.Category}|locale:{a.Locale}";
            foreach (var question in new[] { a.Title }.Concat(a.Questions))
            {
                writer.WriteLine(string.Join('\t', Clean(question), Clean(a.Body).Replace("\n", "\\n"), "SelfServiceBot", metadata, qnaId));
            }
        }
    }

    private static string Clean(string value) => value.Replace('\t', ' ').Replace("\r", "");

    private sealed record Group(string QnaId, string Answer, Dictionary<string, string> Metadata, int Line)
    {
        public List<string> Questions { get; } = [];
    }
}
