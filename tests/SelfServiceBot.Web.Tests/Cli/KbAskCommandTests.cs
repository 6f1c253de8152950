namespace SelfServiceBot.Web.Tests.Cli;

/// <summary><c>kb ask --explain</c> as an author runs it: which retrieval ran, and the evidence of every candidate.</summary>
public sealed class KbAskCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ssb-kb-ask-").FullName;

    [Fact]
    public async Task Explain_with_hybrid_retrieval_names_the_encoder_and_gives_each_candidate_its_dense_evidence()
    {
        var kb = KnowledgeBase();

        var (exit, stdout, stderr) = await ProductExecutable.RunAsync("kb", "ask", "where is my parcel", "--kb", kb, "--retrieval", "hybrid", "--explain");

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("retrieval: hybrid (local/all-MiniLM-L6-v2/384), locale en", lines);
        var candidates = lines.Count(l => l.Contains("  track  ", StringComparison.Ordinal) || l.Contains("  password  ", StringComparison.Ordinal));
        Assert.True(candidates > 0, stdout);
        Assert.Equal(candidates, lines.Count(l => l.StartsWith("      dense ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Explain_with_lexical_retrieval_says_so_and_shows_no_dense_evidence()
    {
        var kb = KnowledgeBase();

        var (exit, stdout, stderr) = await ProductExecutable.RunAsync("kb", "ask", "where is my parcel", "--kb", kb, "--retrieval", "lexical", "--explain");

        Assert.True(exit == 0, stderr);
        Assert.Contains("retrieval: lexical, locale en", stdout);
        Assert.Contains("closest: where is my parcel", stdout);
        Assert.DoesNotContain("dense", stdout);
    }

    [Fact]
    public async Task A_Chinese_question_without_locale_is_ranked_in_Chinese_and_hybrid_says_the_encoder_does_not_cover_it()
    {
        var kb = KnowledgeBase();

        var (exit, stdout, stderr) = await ProductExecutable.RunAsync("kb", "ask", "包裹到哪了", "--kb", kb, "--retrieval", "hybrid", "--explain");

        Assert.True(exit == 0, stderr);
        Assert.Contains("retrieval: lexical (local/all-MiniLM-L6-v2/384 does not cover 'zh'), locale zh-CN", stdout);
        Assert.Contains("  zh-track  ", stdout);
        Assert.DoesNotContain("dense", stdout);
    }

    private string KnowledgeBase()
    {
        var path = Path.Combine(_folder, "kb.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"track","title":"Track my order","answer":"a","questions":["where is my parcel","has my order shipped"]}""",
            """{"id":"password","title":"Reset my password","answer":"c","questions":["forgot password","password reset link"]}""",
            """{"id":"zh-track","locale":"zh-CN","title":"查询物流","answer":"c","questions":["我的包裹到哪了","快递什么时候到"]}""",
        ]);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
