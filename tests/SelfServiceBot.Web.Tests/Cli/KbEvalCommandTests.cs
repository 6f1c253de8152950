using System.Diagnostics;
using System.Text.Json;

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

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
