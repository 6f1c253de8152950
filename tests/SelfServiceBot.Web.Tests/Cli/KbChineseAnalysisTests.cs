namespace SelfServiceBot.Web.Tests.Cli;

/// <summary><c>Knowledge:ChineseAnalysis</c> as an operator sets it for the kb commands: from the environment.</summary>
public sealed class KbChineseAnalysisTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ssb-kb-zh-").FullName;

    [Theory]
    [InlineData(null, "terms: 想 想申 申 退 退货 货 货退 退 退款 款")]
    [InlineData("Bigrams", "terms: 想 想申 申 退 退货 货 货退 退 退款 款")]
    [InlineData("Words", "terms: 想 申请 退货 退款")]
    public async Task Kb_ask_analyses_Chinese_as_the_setting_says(string? setting, string terms)
    {
        var (exit, stdout, stderr) = await AskAsync(setting);

        Assert.True(exit == 0, stderr);
        Assert.Contains(terms, stdout.Split('\n').Select(l => l.TrimEnd()));
        Assert.Contains("zh-return", stdout);
    }

    [Theory]
    [InlineData("Sentences")]
    [InlineData("7")]
    public async Task A_value_that_is_not_a_mode_is_refused_with_the_setting_named_and_no_stack_trace(string setting)
    {
        var (exit, _, stderr) = await AskAsync(setting);

        Assert.Equal(1, exit);
        Assert.Contains("Knowledge:ChineseAnalysis", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
    }

    private Task<(int Exit, string Stdout, string Stderr)> AskAsync(string? setting)
    {
        var kb = Path.Combine(_folder, "kb.jsonl");
        File.WriteAllLines(kb,
        [
            """{"id":"zh-return","title":"如何退货？","answer":"七天内可以退货。","questions":["我想退货","申请退货怎么操作"]}""",
            """{"id":"zh-track","title":"我的快递到哪了？","answer":"在订单页查看物流。","questions":["快递单号在哪里查询","包裹什么时候到"]}""",
        ]);
        var environment = setting is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Knowledge__ChineseAnalysis"] = setting };
        return ProductExecutable.RunInAsync(null, environment, "kb", "ask", "--kb", kb, "--locale", "zh-CN", "--explain", "我想申请退货退款");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
