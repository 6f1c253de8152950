using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Cli;

public sealed class KbInterchangeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ssb-kb-interchange-").FullName;

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("tsv")]
    public async Task The_sample_knowledge_base_exported_and_imported_again_is_the_same_article_for_article(string format)
    {
        var sample = Path.Combine(RepositoryFolder.Root, "knowledgebase");
        var file = Path.Combine(_folder, "kb." + format);
        var copy = Path.Combine(_folder, "imported");

        var export = await ProductExecutable.RunAsync("kb", "export", "--kb", sample, "--out", file);
        var import = await ProductExecutable.RunAsync("kb", "import", "--from", file, "--to", copy);

        Assert.True(export.Exit == 0, export.Stderr);
        Assert.True(import.Exit == 0, import.Stdout + import.Stderr);
        var original = KnowledgeBaseLoader.Load(sample);
        var imported = KnowledgeBaseLoader.Load(copy);
        Assert.Empty(imported.Problems);
        Assert.True(original.Articles.Count >= 90);
        Assert.Equal(original.Articles.Select(Describe).Order(), imported.Articles.Select(Describe).Order());
        // The sample uses every field; a format that dropped one would not be caught otherwise.
        Assert.Contains(original.Articles, a => a.Tags.Count > 0 && a.Related.Count > 0 && a.Owner is not null && a.Updated is not null);
    }

    private static string Describe(KnowledgeArticle a) => string.Join("\n",
        a.Locale, a.Id, a.Title, string.Join("|", a.Questions), a.Category, string.Join("|", a.Tags.Order()),
        string.Join("|", a.Related), a.Owner, a.Updated, a.Body.TrimEnd());

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
