using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Interchange;

/// <summary>
/// The tab-separated export of QnA Maker and Azure question answering: one row per question
/// (<c>Question, Answer, Source, Metadata[, SuggestedQuestions, IsContextOnly, Prompts, QnaId]</c>); rows
/// with the same QnaId (or, in older exports without it, the same answer) are one article.
/// <para>
/// Metadata is <c>key:value|key:value</c> (<see cref="QnaMetadata"/>): <c>id</c>, <c>category</c>, <c>locale</c>,
/// <c>owner</c>, <c>updated</c> (yyyy-MM-dd), <c>tags</c> and <c>related</c> (comma-separated) are the article's
/// fields; any other pair becomes a <c>key:value</c> tag, and is written back as that pair. Follow-up prompts are
/// related articles, as question answering uses them: on export each related article in the file is a prompt to its
/// QnaId; a related id with no article in the file goes to the <c>related</c> metadata instead.
/// </para>
/// </summary>
public static class QnaTsvFormat
{
    private const string Header = "Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId";

    public static KnowledgeBase Read(string path, string defaultLocale = "en")
    {
        var problems = new List<KnowledgeLoadProblem>();
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<Group>();
        var rejected = new HashSet<string>(StringComparer.Ordinal); // reported once, at its first row
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
            if (rejected.Contains(key))
            {
                continue;
            }
            if (!groups.TryGetValue(key, out var group))
            {
                if (!QnaMetadata.TryParse(Get("metadata"), out var metadata, out var reason) || !TryParsePrompts(Get("prompts"), out var prompts, out reason))
                {
                    problems.Add(new KnowledgeLoadProblem(path, line, reason!));
                    rejected.Add(key);
                    continue;
                }
                groups[key] = group = new Group(Get("qnaid"), answer, metadata, prompts, line);
                order.Add(group);
            }
            group.Questions.Add(question);
        }
        return new KnowledgeBase(Path.GetFullPath(path), ToArticles(order, path, defaultLocale, problems), problems);
    }

    private static List<KnowledgeArticle> ToArticles(List<Group> groups, string path, string defaultLocale, List<KnowledgeLoadProblem> problems)
    {
        var ids = groups.Select((g, i) => g.Metadata.Id ?? (g.QnaId.Length > 0 ? "qna-" + g.QnaId : $"qna-{i + 1}")).ToList();
        var idOfQnaId = groups.Select((g, i) => (g.QnaId, Id: ids[i])).Where(x => x.QnaId.Length > 0)
            .DistinctBy(x => x.QnaId).ToDictionary(x => x.QnaId, x => x.Id, StringComparer.Ordinal);
        var articles = new List<KnowledgeArticle>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var locale = g.Metadata.Locale ?? defaultLocale;
            if (!seen.Add($"{locale}|{ids[i]}"))
            {
                problems.Add(new KnowledgeLoadProblem(path, g.Line, $"duplicate id '{ids[i]}'"));
                continue;
            }
            var prompted = new List<string>();
            foreach (var prompt in g.Prompts)
            {
                if (idOfQnaId.TryGetValue(prompt, out var relatedId))
                {
                    prompted.Add(relatedId);
                }
                else
                {
                    problems.Add(new KnowledgeLoadProblem(path, g.Line, $"a follow-up prompt refers to QnaId {prompt}, which is not in the file or was skipped; the prompt is left out"));
                }
            }
            articles.Add(new KnowledgeArticle
            {
                Id = ids[i],
                Title = g.Questions[0],
                Questions = g.Questions.Skip(1).Distinct().ToList(),
                Body = g.Answer,
                Category = g.Metadata.Category ?? "general",
                Locale = locale,
                Tags = g.Metadata.Tags,
                Related = prompted.Concat(g.Metadata.Related).Distinct(StringComparer.Ordinal).ToList(),
                Owner = g.Metadata.Owner,
                Updated = g.Metadata.Updated,
                SourcePath = $"{Path.GetFileName(path)}:{g.Line}",
            });
        }
        return articles;
    }

    /// <summary>The QnaIds a Prompts cell points to: <c>[{"DisplayOrder":1,"QnaId":2,"DisplayText":"..."}]</c>, in display order.</summary>
    private static bool TryParsePrompts(string text, out IReadOnlyList<string> qnaIds, out string? reason)
    {
        qnaIds = [];
        reason = null;
        if (text.Length == 0)
        {
            return true;
        }
        try
        {
            if (JsonNode.Parse(text) is not JsonArray array)
            {
                reason = "Prompts must be a JSON array";
                return false;
            }
            qnaIds = array.OfType<JsonObject>()
                .Select(p => (Order: Number(Property(p, "displayOrder")) ?? 0, QnaId: Number(Property(p, "qnaId"))))
                .Where(p => p.QnaId is not null)
                .OrderBy(p => p.Order)
                .Select(p => p.QnaId!.Value.ToString(CultureInfo.InvariantCulture))
                .ToList();
            return true;
        }
        catch (JsonException e)
        {
            reason = $"Prompts is not valid JSON: {e.Message}";
            return false;
        }
    }

    // QnA Maker wrote PascalCase, the question answering API camelCase.
    private static JsonNode? Property(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static long? Number(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<long>(out var n) ? n
        : value.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n : null
        : null;

    public static void Write(IEnumerable<KnowledgeArticle> articles, TextWriter writer)
    {
        var list = articles.ToList();
        var qnaIdOf = new Dictionary<(string Locale, string Id), int>();
        for (var i = 0; i < list.Count; i++)
        {
            qnaIdOf.TryAdd((list[i].Locale, list[i].Id), i + 1);
        }
        writer.WriteLine(Header);
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            var prompts = new JsonArray();
            var unprompted = new List<string>();
            foreach (var related in a.Related)
            {
                if (qnaIdOf.TryGetValue((a.Locale, related), out var target))
                {
                    prompts.Add(new JsonObject { ["DisplayOrder"] = prompts.Count + 1, ["QnaId"] = target, ["DisplayText"] = list[target - 1].Title });
                }
                else
                {
                    unprompted.Add(related);
                }
            }
            var metadata = QnaMetadata.Format(a, unprompted);
            var promptsJson = prompts.ToJsonString(Compact);
            foreach (var question in new[] { a.Title }.Concat(a.Questions))
            {
                string[] row = [question, a.Body.Replace("\r", "").Replace("\n", "\\n"), "SelfServiceBot", metadata, "[]", "false", promptsJson, (i + 1).ToString(CultureInfo.InvariantCulture)];
                writer.WriteLine(string.Join('\t', row.Select(Field)));
            }
        }
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Quoted only when it must be (a tab, a line break, or a quote at the start, which the reader takes for a quoted
    /// field): QnA Maker's own exports are not quoted, and other tools read them the same way.
    /// </summary>
    private static string Field(string value)
    {
        var clean = value.Replace("\r", "");
        return clean.IndexOfAny(['\t', '\n']) >= 0 || clean.StartsWith('"') ? "\"" + clean.Replace("\"", "\"\"") + "\"" : clean;
    }

    private sealed record Group(string QnaId, string Answer, QnaMetadata Metadata, IReadOnlyList<string> Prompts, int Line)
    {
        public List<string> Questions { get; } = [];
    }
}
