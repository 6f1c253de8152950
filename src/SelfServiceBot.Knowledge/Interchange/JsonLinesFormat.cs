using System.Text.Json;
using System.Text.Json.Nodes;
using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Interchange;

/// <summary>
/// The JSON Lines interchange format (one article a line:
/// <c>{"id","title","answer","questions":[...],"category","locale"?,"tags"?,"related"?,"owner"?,"updated"?}</c>), as in
/// ../shared/benchmarks/README.md. A bad line is reported with its number and the rest still load.
/// </summary>
public static class JsonLinesFormat
{
    public static KnowledgeBase Read(string path, string defaultLocale = "en")
    {
        var articles = new List<KnowledgeArticle>();
        var problems = new List<KnowledgeLoadProblem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var article = ReadLine(line, path, lineNumber, defaultLocale, out var reason);
            if (article is null)
            {
                problems.Add(new KnowledgeLoadProblem(path, lineNumber, reason!));
            }
            else if (!seen.Add($"{article.Locale}|{article.Id}"))
            {
                problems.Add(new KnowledgeLoadProblem(path, lineNumber, $"duplicate id '{article.Id}'"));
            }
            else
            {
                articles.Add(article);
            }
        }
        return new KnowledgeBase(Path.GetFullPath(path), articles, problems);
    }

    private static KnowledgeArticle? ReadLine(string line, string path, int lineNumber, string defaultLocale, out string? reason)
    {
        reason = null;
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException ex)
        {
            reason = $"not valid JSON: {ex.Message}";
            return null;
        }
        if (json is null)
        {
            reason = "a line must be a JSON object";
            return null;
        }
        var id = Text(json, "id");
        var answer = Text(json, "answer");
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(answer))
        {
            reason = "'id' and 'answer' are required";
            return null;
        }
        var questions = List(json, "questions");
        var title = Text(json, "title") ?? questions.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(title))
        {
            reason = "'title' (or at least one question) is required";
            return null;
        }
        if (!ArticleDates.TryParse(Text(json, "updated"), out var updated, out reason))
        {
            return null;
        }
        return new KnowledgeArticle
        {
            Id = id,
            Title = title,
            Questions = questions,
            Category = Text(json, "category") ?? "general",
            Tags = List(json, "tags"),
            Locale = Text(json, "locale") ?? defaultLocale,
            Related = List(json, "related"),
            Owner = Text(json, "owner"),
            Updated = updated,
            Body = answer,
            SourcePath = $"{Path.GetFileName(path)}:{lineNumber}",
        };
    }

    public static void Write(IEnumerable<KnowledgeArticle> articles, TextWriter writer)
    {
        foreach (var a in articles)
        {
            var json = new JsonObject
            {
                ["id"] = a.Id,
                ["title"] = a.Title,
                ["answer"] = a.Body,
                ["questions"] = new JsonArray(a.Questions.Select(q => (JsonNode?)q).ToArray()),
                ["category"] = a.Category,
                ["locale"] = a.Locale,
                ["tags"] = new JsonArray(a.Tags.Select(t => (JsonNode?)t).ToArray()),
                ["related"] = new JsonArray(a.Related.Select(r => (JsonNode?)r).ToArray()),
            };
            if (a.Owner is not null)
            {
                json["owner"] = a.Owner;
            }
            if (a.Updated is not null)
            {
                json["updated"] = ArticleDates.Format(a.Updated);
            }
            writer.WriteLine(json.ToJsonString(Compact));
        }
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static IReadOnlyList<string> List(JsonObject json, string name) =>
        json[name] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
                .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList()
            : [];
}
