namespace SelfServiceBot.Web.Tests.Cli;

public sealed class KbLintCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ssb-kb-lint-").FullName;

    [Fact]
    public async Task Lint_reports_broken_files_missing_related_articles_and_the_same_question_in_two_articles()
    {
        Write("en/orders/track.md", "---\nid: track\ntitle: Track my order\nquestions:\n  - Where is my parcel?\nrelated: [nowhere]\n---\nAnswer.\n");
        Write("en/orders/parcel.md", "---\nid: parcel\ntitle: Parcel help\nquestions:\n  - where is my parcel\n---\nAnswer.\n");
        Write("en/orders/broken.md", "---\nid: broken\ntitle: [unclosed\n---\nAnswer.\n");

        var (exit, stdout, _) = await ProductExecutable.RunAsync("kb", "lint", "--kb", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("broken.md", stdout);
        Assert.Contains("related article 'nowhere' does not exist", stdout);
        Assert.Contains("is the same question as", stdout);
        Assert.Contains("alternate questions; give at least 5", stdout);
    }

    [Fact]
    public async Task Lint_warns_about_a_question_that_repeats_the_title_and_does_not_fail_for_it()
    {
        Write("en/returns/label.md", "---\nid: label\ntitle: How do I get a returns label?\nquestions:\n  - print return label\n"
            + "  - how do I get a returns label?\n---\nAnswer.\n");

        var (exit, stdout, _) = await ProductExecutable.RunAsync("kb", "lint", "--kb", _folder);

        Assert.Equal(0, exit);
        Assert.Contains("\"How do I get a returns label?\" is written 2 times (title included)", stdout);
    }

    [Fact]
    public async Task Lint_warns_about_a_bare_link_that_runs_into_full_width_punctuation()
    {
        Write("zh-CN/orders/track.md", "---\nid: zh-track\ntitle: 怎么查物流\nquestions:\n  - 物流在哪看\n---\n"
            + "打开我的订单（https://shop.example/orders）。也可以看 [帮助](https://shop.example/help)。\n");

        var (_, stdout, _) = await ProductExecutable.RunAsync("kb", "lint", "--kb", _folder);

        Assert.Contains("https://shop.example/orders）", stdout);
        Assert.DoesNotContain("https://shop.example/help", stdout);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
