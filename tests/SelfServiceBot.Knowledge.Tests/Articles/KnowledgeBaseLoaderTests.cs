using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Tests.Articles;

public sealed class KnowledgeBaseLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ssb-kb-").FullName;

    [Fact]
    public void A_broken_file_is_reported_with_path_line_and_reason_and_the_rest_still_load()
    {
        Write("en/orders/good.md", "---\nid: good\ntitle: Good\nquestions: [One, Two]\n---\nAnswer.");
        Write("en/orders/broken.md", "---\nid: broken\ntitle Broken\n---\nAnswer.");
        Write("en/orders/no-title.md", "---\nid: no-title\n---\nAnswer.");
        Write("en/orders/bad-date.md", "---\nid: d\ntitle: D\nupdated: last week\n---\nAnswer.");
        Write("en/orders/empty.md", "---\nid: e\ntitle: E\n---\n");
        Write("README.md", "not an article");

        var kb = KnowledgeBaseLoader.Load(_root);

        var article = Assert.Single(kb.Articles);
        Assert.Equal("good", article.Id);
        Assert.Equal(["One", "Two"], article.Questions);
        Assert.Equal("en", article.Locale);
        Assert.Equal("orders", article.Category);
        Assert.Contains(kb.Problems, p => p.Path == "en/orders/broken.md" && p.Line == 3 && p.Reason.Contains("key: value"));
        Assert.Contains(kb.Problems, p => p.Path == "en/orders/no-title.md" && p.Reason.Contains("'title' is missing"));
        Assert.Contains(kb.Problems, p => p.Path == "en/orders/bad-date.md" && p.Line == 4);
        Assert.Contains(kb.Problems, p => p.Path == "en/orders/empty.md" && p.Reason.Contains("empty"));
        Assert.Equal(4, kb.Problems.Count);
    }

    [Fact]
    public void Updated_is_read_as_a_date_and_an_empty_one_is_no_date_as_in_the_interchange_formats()
    {
        Write("en/orders/dated.md", "---\nid: dated\ntitle: Dated\nupdated: 2026-11-20\n---\nAnswer.");
        Write("en/orders/empty-date.md", "---\nid: undated\ntitle: Undated\nupdated: \"\"\n---\nAnswer.");

        var kb = KnowledgeBaseLoader.Load(_root);

        Assert.Empty(kb.Problems);
        Assert.Equal(new DateOnly(2026, 11, 20), kb.Articles.Single(a => a.Id == "dated").Updated);
        Assert.Null(kb.Articles.Single(a => a.Id == "undated").Updated);
    }

    [Fact]
    public void A_duplicate_id_in_the_same_locale_is_a_problem_but_the_same_id_in_another_locale_is_not()
    {
        Write("en/a/one.md", "---\nid: same\ntitle: One\n---\nA");
        Write("en/b/two.md", "---\nid: same\ntitle: Two\n---\nB");
        Write("zh-CN/a/one.md", "---\nid: same\ntitle: 一\n---\n甲");

        var kb = KnowledgeBaseLoader.Load(_root);

        Assert.Equal(2, kb.Articles.Count);
        Assert.Contains("duplicate id 'same'", Assert.Single(kb.Problems).Reason);
    }

    [Fact]
    public void The_sample_knowledge_base_loads_without_problems()
    {
        var kb = KnowledgeBaseLoader.Load(SampleKnowledgeBase.Path);

        Assert.Empty(kb.Problems);
        Assert.True(kb.Articles.Count(a => a.Locale == "en") >= 10);
        Assert.True(kb.Articles.Count(a => a.Locale == "zh-CN") >= 6);
        Assert.All(kb.Articles, a => Assert.True(a.Questions.Count >= 5, $"{a.Id} has fewer than 5 alternate questions"));
        Assert.Contains("track your order", kb.Articles.Single(a => a.Id == "track-order").Body);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
