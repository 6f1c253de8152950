using System.Diagnostics;
using System.Text.Json;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary>The product's executable as an operator runs it: <c>SelfServiceBot.Web kb eval ... --json</c>.</summary>
public sealed class KbEvalCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ssb-kb-eval-").FullName;

    [Fact]
    public async Task Eval_with_json_prints_exactly_one_object_with_the_agreed_names_and_the_progress_on_stderr()
    {
        var kb = Write("kb.jsonl",
            """{"id":"track","title":"Track my order","answer":"a","questions":["where is my parcel","has my order shipped","tracking number please"]}""",
            """{"id":"refund","title":"Where is my refund","answer":"b","questions":["refund not received","money back when","when do I get refunded"]}""",
            """{"id":"password","title":"Reset my password","answer":"c","questions":["forgot password","cannot sign in","password reset link"]}""");
        var cases = Write("cases.jsonl",
            """{"text":"where is my parcel now","expected":"track"}""",
            """{"text":"I have not received my refund","expected":"refund"}""",
            """{"text":"what is the capital of France","expected":null}""");

        var (exit, stdout, stderr) = await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--sweep", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "cases", "in_scope", "out_of_scope", "top1", "top3", "answered_correct", "wrong_answer", "clarify",
            "clarify_hit", "oos_handoff", "p50_ms", "p99_ms", "index_ms", "sweep", "reachable", "oos_clarify" }, names);
        Assert.Single(stdout.Trim().Split('\n'));
        Assert.Equal(3, json.RootElement.GetProperty("cases").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("in_scope").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("out_of_scope").GetInt32());
        Assert.Equal(101, json.RootElement.GetProperty("sweep").GetArrayLength());
        Assert.Contains("3/3", stderr);
    }

    [Fact]
    public async Task Failures_lists_each_case_that_went_wrong_with_where_its_article_ranked()
    {
        var kb = Write("kb.jsonl",
            """{"id":"track","title":"Track my order","answer":"a","questions":["where is my parcel","has my order shipped","tracking number please"]}""",
            """{"id":"refund","title":"Where is my refund","answer":"b","questions":["refund not received","money back when","when do I get refunded"]}""",
            """{"id":"password","title":"Reset my password","answer":"c","questions":["forgot password","cannot sign in","password reset link"]}""");
        var cases = Write("cases.jsonl",
            """{"text":"where is my parcel","expected":"track"}""",
            """{"text":"forgot password","expected":"refund"}""",
            """{"text":"退款","expected":"refund","locale":"zh-CN"}""");
        var failures = Path.Combine(_folder, "failures.jsonl");

        var (exit, _, stderr) = await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--json", "--failures", failures);

        Assert.Equal(0, exit);
        Assert.Contains("2 failed cases", stderr);
        var lines = File.ReadAllLines(failures).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["forgot password", "退款"], lines.Select(l => l.GetProperty("text").GetString()));
        var wrong = lines[0];
        Assert.Equal("refund", wrong.GetProperty("expected").GetString());
        Assert.Equal("answer", wrong.GetProperty("decision").GetString());
        Assert.Equal("password", wrong.GetProperty("ranked")[0].GetProperty("id").GetString());
        Assert.Equal(100, wrong.GetProperty("ranked")[0].GetProperty("confidence").GetInt32());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("expected_rank").ValueKind);
    }

    [Fact]
    public async Task A_missing_option_is_a_usage_error_and_a_bad_cases_line_names_its_line()
    {
        var (missingExit, _, missingError) = await ProductExecutable.RunAsync("kb", "eval", "--kb", "x.jsonl");
        var kb = Write("kb.jsonl", """{"id":"a","title":"A","answer":"x","questions":["q"]}""");
        var cases = Write("cases.jsonl", """{"text":"fine","expected":"a"}""", """{"expected":"a"}""");
        var (badExit, _, badError) = await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--json");

        Assert.Equal(2, missingExit);
        Assert.Contains("--cases is required", missingError);
        Assert.Equal(1, badExit);
        Assert.Contains("cases.jsonl:2", badError);
    }

    [Fact]
    public async Task Retrieval_defaults_to_what_the_server_ranks_with_and_the_json_says_which_ran()
    {
        var (kb, cases) = SmallEnglishSet();
        var lexicalServer = new Dictionary<string, string> { ["Knowledge__Embeddings__Provider"] = "None" };

        var byDefault = Json(await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--json"));
        var serverOff = Json(await ProductExecutable.RunInAsync(null, lexicalServer, "kb", "eval", "--kb", kb, "--cases", cases, "--json"));
        var askedHybrid = Json(await ProductExecutable.RunInAsync(null, lexicalServer,
            "kb", "eval", "--kb", kb, "--cases", cases, "--retrieval", "hybrid", "--json"));
        var askedLexical = Json(await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--retrieval", "LEXICAL", "--json"));

        Assert.Equal(("hybrid", "local/all-MiniLM-L6-v2/384"), Retrieval(byDefault));
        Assert.Equal(("lexical", null), Retrieval(serverOff));
        Assert.Equal(("hybrid", "local/all-MiniLM-L6-v2/384"), Retrieval(askedHybrid));
        Assert.Equal(("lexical", null), Retrieval(askedLexical));
    }

    [Fact]
    public async Task Retrieval_other_than_lexical_or_hybrid_is_a_usage_error()
    {
        var (kb, cases) = SmallEnglishSet();

        var (exit, _, stderr) = await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--retrieval", "dense");

        Assert.Equal(2, exit);
        Assert.Contains("--retrieval must be lexical or hybrid, not 'dense'", stderr);
    }

    [Fact]
    public async Task The_Chinese_sample_alone_scores_the_same_without_locale_as_with_zh_CN()
    {
        // Only the zh-CN articles and synonyms: a Chinese-only knowledge base, which used to be ranked as English and score 0.
        var sample = Path.Combine(RepositoryFolder.Root, "knowledgebase");
        var kb = Path.Combine(_folder, "zh-only");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(sample, "zh-CN"), "*.md", SearchOption.AllDirectories)
                     .Append(Path.Combine(sample, "synonyms.zh-CN.txt")))
        {
            var target = Path.Combine(kb, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var cases = Path.Combine(sample, "eval", "zh-CN.jsonl");
        var caseCount = File.ReadLines(cases).Count(l => l.Trim().Length > 0);

        var (exit, stdout, stderr) = await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--retrieval", "lexical", "--json");
        var given = Json(await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--retrieval", "lexical",
            "--locale", "zh-CN", "--json"));

        Assert.Equal(0, exit);
        var inferred = JsonDocument.Parse(stdout).RootElement;
        Assert.True(given.GetProperty("top1").GetDouble() > 0.5, "the Chinese sample is ranked in Chinese");
        foreach (var measure in new[] { "top1", "top3", "answered_correct", "wrong_answer", "oos_handoff", "reachable" })
        {
            Assert.Equal(given.GetProperty(measure).GetDouble(), inferred.GetProperty(measure).GetDouble());
        }
        Assert.Equal(caseCount, inferred.GetProperty("locales").GetProperty("zh-CN").GetInt32());
        Assert.Contains($"locales: zh-CN {caseCount} cases; thresholds of zh-CN", stderr);
    }

    [Fact]
    public async Task In_a_bilingual_knowledge_base_each_case_is_ranked_in_the_language_it_is_written_in()
    {
        var kb = Write("kb.jsonl",
            """{"id":"track","title":"Track my order","answer":"a","questions":["where is my parcel","has my order shipped"]}""",
            """{"id":"refund","title":"Where is my refund","answer":"b","questions":["refund not received","money back when"]}""",
            """{"id":"zh-track","locale":"zh-CN","title":"查询物流","answer":"c","questions":["我的包裹到哪了","快递什么时候到"]}""",
            """{"id":"zh-refund","locale":"zh-CN","title":"退款进度","answer":"d","questions":["退款什么时候到账","钱怎么还没退回来"]}""");
        var cases = Write("cases.jsonl",
            """{"text":"where is my parcel now","expected":"track"}""",
            """{"text":"包裹到哪了","expected":"zh-track"}""",
            """{"text":"退款什么时候到","expected":"zh-refund"}""");

        var report = Json(await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--retrieval", "lexical", "--json"));

        Assert.Equal(1.0, report.GetProperty("top1").GetDouble());
        Assert.Equal(1, report.GetProperty("locales").GetProperty("en").GetInt32());
        Assert.Equal(2, report.GetProperty("locales").GetProperty("zh-CN").GetInt32());
    }

    [Fact]
    public async Task A_case_in_a_language_without_articles_is_counted_as_a_miss_and_named_on_stderr()
    {
        var (kb, _) = SmallEnglishSet();
        var cases = Write("cases-fr.jsonl",
            """{"text":"where is my parcel now","expected":"track"}""",
            """{"text":"où est mon colis","expected":"track","locale":"fr"}""");

        var (exit, stdout, stderr) = await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--retrieval", "lexical", "--json");

        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2, report.GetProperty("in_scope").GetInt32());
        Assert.Equal(0.5, report.GetProperty("top1").GetDouble());
        Assert.Contains("no articles in fr: its 1 cases count as misses", stderr);
    }

    [Fact]
    public async Task Hybrid_retrieval_says_on_stderr_which_languages_the_encoder_leaves_lexical()
    {
        var kb = Write("kb-zh.jsonl",
            """{"id":"zh-track","locale":"zh-CN","title":"查询物流","answer":"c","questions":["我的包裹到哪了","快递什么时候到"]}""");
        var cases = Write("cases-zh.jsonl", """{"text":"包裹到哪了","expected":"zh-track"}""");

        var (exit, stdout, stderr) = await ProductExecutable.RunAsync("kb", "eval", "--kb", kb, "--cases", cases, "--retrieval", "hybrid", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("hybrid", JsonDocument.Parse(stdout).RootElement.GetProperty("retrieval").GetString());
        Assert.Contains("local/all-MiniLM-L6-v2/384 does not cover 'zh': its cases are ranked lexically", stderr);
    }

    private (string Kb, string Cases) SmallEnglishSet() => (
        Write("kb.jsonl",
            """{"id":"track","title":"Track my order","answer":"a","questions":["where is my parcel","has my order shipped"]}""",
            """{"id":"password","title":"Reset my password","answer":"c","questions":["forgot password","password reset link"]}"""),
        Write("cases.jsonl", """{"text":"where is my parcel now","expected":"track"}""", """{"text":"what is the capital of France","expected":null}"""));

    private static JsonElement Json((int Exit, string Stdout, string Stderr) run)
    {
        Assert.True(run.Exit == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    private static (string?, string?) Retrieval(JsonElement report) =>
        (report.GetProperty("retrieval").GetString(), report.GetProperty("encoder").GetString());

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
