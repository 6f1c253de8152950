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
        Questions = ["Where is my parcel?", "Has it shipped, \"really\"?", "\"Express\" orders: where are they?"],
        Category = "orders",
        Locale = "en",
        Tags = ["orders", "tracking", "channel:web"],
        Related = ["delivery-times", "lost-parcel"],
        Owner = "Support team",
        Updated = new DateOnly(2026, 11, 2),
        Body = "Sign in, open **Orders**,\nthen select the order.\tDone.",
        SourcePath = "x",
    };

    // The other end of Article's first related link; "lost-parcel" is not in the file.
    private static readonly KnowledgeArticle Related = new()
    {
        Id = "delivery-times",
        Title = "How long does delivery take?",
        Category = "delivery",
        Locale = "en",
        Related = ["track-order"],
        Body = "2-4 working days.",
        SourcePath = "y",
    };

    [Theory]
    [InlineData("kb.jsonl")]
    [InlineData("kb.csv")]
    [InlineData("kb.tsv")]
    public void Every_field_of_an_article_survives_export_and_import(string file)
    {
        var path = Path.Combine(_folder, file);
        using (var writer = new StreamWriter(path))
        {
            Write(file, [Article, Related], writer);
        }

        var kb = KnowledgeSource.Load(path).KnowledgeBase;

        Assert.Empty(kb.Problems);
        Assert.Equal(2, kb.Articles.Count);
        foreach (var (expected, read) in new[] { Article, Related }.Zip(kb.Articles))
        {
            Assert.Equal(expected with { SourcePath = "" }, read with { SourcePath = "" }, ArticleComparer.Instance);
        }
    }

    [Fact]
    public void A_qna_export_keeps_related_articles_in_the_file_as_follow_up_prompts_and_the_rest_in_its_metadata()
    {
        using var writer = new StringWriter();
        QnaTsvFormat.Write([Article, Related], writer);
        var rows = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('\t')).ToList();

        Assert.Equal(["Question", "Answer", "Source", "Metadata", "SuggestedQuestions", "IsContextOnly", "Prompts", "QnaId"], rows[0]);
        // Counted from the end: the answer's tab is in a quoted field.
        var first = rows[1];
        Assert.Equal("""[{"DisplayOrder":1,"QnaId":2,"DisplayText":"How long does delivery take?"}]""", first[^2]);
        Assert.Equal("id:track-order|category:orders|locale:en|owner:Support team|updated:2026-11-02|channel:web|tags:orders,tracking|related:lost-parcel", first[^5]);
        Assert.Equal("1", first[^1]);
        Assert.Equal(4, rows.Count(r => r[^1] == "1"));
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
            "Where is my order?\tTrack it under Orders.\tEditorial\tcategory:orders|Owner:ops|team:logistics\t[]\tfalse\t" +
            "[{\"DisplayOrder\":2,\"QnaId\":9,\"DisplayText\":\"Gone\"},{\"DisplayOrder\":1,\"QnaId\":2,\"DisplayText\":\"Paying\"}]\t1\n" +
            "Track my parcel\tTrack it under Orders.\tEditorial\tcategory:orders|Owner:ops|team:logistics\t[]\tfalse\t[]\t1\n" +
            "How do I pay?\tCard or PayPal.\tEditorial\tupdated:2026-02-30\t[]\tfalse\t[]\t2\n" +
            "Pay by card?\tCard or PayPal.\tEditorial\tupdated:2026-02-30\t[]\tfalse\t[]\t2\n" +
            "Can I pay later?\tNot yet.\tEditorial\t\t[]\tfalse\t[{\"displayOrder\":1,\"qnaId\":1,\"displayText\":\"Orders\"}]\t3\n" +
            "\tan answer without a question\tEditorial\t\t[]\tfalse\t[]\t4\n");

        var kb = QnaTsvFormat.Read(path);

        Assert.Equal(["qna-1", "qna-3"], kb.Articles.Select(a => a.Id));
        var order = kb.Articles[0];
        Assert.Equal(["Track my parcel"], order.Questions);
        Assert.Equal("orders", order.Category);
        Assert.Equal("ops", order.Owner);
        Assert.Equal(["team:logistics"], order.Tags);
        // QnaId 2 did not load (its date is wrong) and 9 is not in the file: both prompts are reported, not kept.
        Assert.Empty(order.Related);
        Assert.Equal(["qna-1"], kb.Articles[1].Related);
        Assert.Equal(
        [
            (4, "metadata 'updated' must be a date like 2026-01-31, not '2026-02-30'"),
            (7, "a row needs both a question and an answer"),
            (2, "a follow-up prompt refers to QnaId 2, which is not in the file or was skipped; the prompt is left out"),
            (2, "a follow-up prompt refers to QnaId 9, which is not in the file or was skipped; the prompt is left out"),
        ], kb.Problems.Select(p => (p.Line, p.Reason)));
    }

    [Theory]
    [InlineData("bad.jsonl", """{"id":"a","title":"A","answer":"x","updated":"31/01/2026"}""")]
    [InlineData("bad.csv", "id,title,answer,updated\na,A,x,31/01/2026")]
    public void An_article_with_a_date_that_is_not_one_is_reported_and_skipped(string file, string text)
    {
        var path = Path.Combine(_folder, file);
        File.WriteAllText(path, text);

        var kb = KnowledgeSource.Load(path).KnowledgeBase;

        Assert.Empty(kb.Articles);
        var problem = Assert.Single(kb.Problems);
        Assert.Equal("'updated' must be a date like 2026-01-31, not '31/01/2026'", problem.Reason);
    }

    private static void Write(string file, KnowledgeArticle[] articles, TextWriter writer)
    {
        switch (Path.GetExtension(file))
        {
            case ".jsonl": JsonLinesFormat.Write(articles, writer); break;
            case ".csv": CsvFormat.Write(articles, writer); break;
            default: QnaTsvFormat.Write(articles, writer); break;
        }
    }

    /// <summary>Records compare their lists by reference; this compares them by content.</summary>
    private sealed class ArticleComparer : IEqualityComparer<KnowledgeArticle>
    {
        public static readonly ArticleComparer Instance = new();

        public bool Equals(KnowledgeArticle? x, KnowledgeArticle? y) =>
            x is not null && y is not null
            && Describe(x) == Describe(y);

        public int GetHashCode(KnowledgeArticle obj) => Describe(obj).GetHashCode();

        private static string Describe(KnowledgeArticle a) => string.Join("\n",
            a.Id, a.Title, string.Join("|", a.Questions), a.Category, a.Locale, string.Join("|", a.Tags.Order()),
            string.Join("|", a.Related), a.Owner, a.Updated, a.Body, a.SourcePath);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
