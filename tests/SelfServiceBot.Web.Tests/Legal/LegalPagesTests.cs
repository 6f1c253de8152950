using System.Net;
using System.Net.Http.Headers;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Legal;

/// <summary>/privacy and /terms over real HTTP: the pages the Teams manifest links to.</summary>
public sealed class LegalPagesTests
{
    [Theory]
    [InlineData("/privacy", "en-US,en;q=0.9", "Privacy statement", "transcript")]
    [InlineData("/privacy", "zh-CN,zh;q=0.9", "隐私声明", "对话记录")]
    [InlineData("/terms", "en-GB", "Terms of use", "passwords")]
    [InlineData("/terms", "zh-CN", "使用条款", "密码")]
    public async Task The_page_answers_in_the_language_the_browser_asks_for(string path, string acceptLanguage, string title, string text)
    {
        using var app = new AppServer();
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<title>{title}</title>", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.DoesNotContain("{", html.Split("</style>")[1], StringComparison.Ordinal); // every placeholder filled in
    }

    [Fact]
    public async Task The_culture_query_wins_over_the_browser_language()
    {
        using var app = new AppServer();
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var html = await client.GetStringAsync("/privacy?culture=zh-CN");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("隐私声明", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "30", "deleted 30 days after")]
    [InlineData("zh-CN", "30", "写入 30 天后删除")]
    [InlineData("en", "0", "no automatic deletion is set")]
    public async Task The_privacy_statement_gives_the_retention_setting(string language, string days, string expected)
    {
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["Database:ConversationRetentionDays"] = days,
            ["Legal:Operator"] = "Contoso Ltd",
            ["Legal:Contact"] = "privacy@contoso.example",
        });
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        var html = await client.GetStringAsync("/privacy");

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd", html, StringComparison.Ordinal);
        Assert.Contains("privacy@contoso.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operators_markdown_file_is_shown_with_its_markup_encoded()
    {
        var folder = Directory.CreateTempSubdirectory("legal-").FullName;
        var english = Path.Combine(folder, "privacy.en.md");
        await File.WriteAllTextAsync(english, "# Our privacy\n\nWe keep <script>alert(1)</script> nothing.\n\n- one\n- two\n");
        using var app = new AppServer(new Dictionary<string, string?> { ["Legal:PrivacyMarkdownPath:en"] = english });
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var html = await client.GetStringAsync("/privacy");

        // No Chinese file: the English one, not the built-in Chinese text that could contradict it.
        Assert.Contains("<h1>Our privacy</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>We keep &lt;script&gt;alert(1)&lt;/script&gt; nothing.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_file_that_does_not_exist_stops_the_start_with_the_setting_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "terms.md");

        var error = Assert.ThrowsAny<Exception>(() => new AppServer(new Dictionary<string, string?> { ["Legal:TermsMarkdownPath:en"] = missing }));

        Assert.Contains("Legal:TermsMarkdownPath", error.ToString(), StringComparison.Ordinal);
    }
}
