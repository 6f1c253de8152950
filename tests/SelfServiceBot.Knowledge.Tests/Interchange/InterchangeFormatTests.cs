using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Tests.Interchange;

public sealed class InterchangeFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ssb-interchange-").FullName;

    private static readonly KnowledgeArticle Article = new()
    {
        Id = "track-order",
        Title = "How do I track my order?",
        Questions = ["Where is my parcel?", "Has it shipped, \"really\"?"],
        Category = "orders",
        Locale = "en",
        Tags = ["orders", "tracking"],
        Related = ["delivery-times"],
        Body = "Sign in, open **Orders**,\nthen select the order.\tDone.",
        SourcePath = "x",
    };

    [Theory]
    [InlineData("kb.jsonl")]
    [InlineData("kb.csv")]
    [InlineData("kb.tsv")]
    public void An_article_survives_export_and_import(string file)
    {
        var path = Path.Combine(_folder, file);
        using (var writer = new StreamWriter(path))
        {
            Write(file, writer);
        }

        var kb = KnowledgeSource.Load(path).KnowledgeBase;

        Assert.Empty(kb.Problems);
        var read = Assert.Single(kb.Articles);
        Assert.Equal(Article.Id, read.Id);
        Assert.Equal(Article.Title, read.Title);
        Assert.Equal(Article.Questions, read.Questions);
        Assert.Equal(Article.Category, read.Category);
        Assert.Equal(file.EndsWith(".tsv") ? Article.Body.Replace('\t', ' ') : Article.Body, read.Body);
    }

    [Fact]
    public void A_bad_json_line_is_reported_with_its_number_and_the_others_load()
    {
        var path = Path.Combine(_folder, "bad.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"a","title":"A","answer":"x","questions":["q"]}""",
            """{"id":"b","title":"B" """,
            """{"title":"C","answer":"x"}""",
            """{"id":"d","title":"D","answer":"y"}""",
        ]);

        var kb = JsonLinesFormat.Read(path);

        Assert.Equal(["a", "d"], kb.Articles.Select(a => a.Id));
        Assert.Equal([2, 3], kb.Problems.Select(p => p.Line));
        Assert.Contains("'id' and 'answer' are required", kb.Problems[1].Reason);
    }

    [Fact]
    public void A_qna_maker_export_groups_the_questions_of_one_answer_into_one_article()
    {
        var path = Path.Combine(_folder, "qna.tsv");
        File.WriteAllText(path,
            "Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId\n" +
            "Where is my order?\tTrack it under Orders.\tEditorial\tcategory:orders|owner:ops\t[]\tfalse\t[]\t1\n" +
            "Track my parcel\tTrack it under Orders.\tEditorial\tcategory:orders|owner:ops\t[]\tfalse\t[]\t1\n" +
            "How do I pay?\tCard or PayPal.\tEditorial\t\t[]\tfalse\t[]\t2\n" +
            "\tan answer without a question\tEditorial\t\t[]\tfalse\t[]\t3\n");

        var kb = QnaTsvFormat.Read(path);

        Assert.Equal(2, kb.Articles.Count);
        Assert.Equal("qna-1", kb.Articles[0].Id);
        Assert.Equal(["Track my parcel"], kb.Articles[0].Questions);
        Assert.Equal("orders", kb.Articles[0].Category);
        Assert.Equal(["owner:ops"], kb.Articles[0].Tags);
        Assert.Equal(5, Assert.Single(kb.Problems).Line);
    }

    private static void Write(string file, TextWriter writer)
    {
        switch (Path.GetExtension(file))
        {
            case ".jsonl": JsonLinesFormat.Write([Article], writer); break;
            case ".csv": CsvFormat.Write([Article], writer); break;
            default: QnaTsvFormat.Write([Article], writer); break;
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
