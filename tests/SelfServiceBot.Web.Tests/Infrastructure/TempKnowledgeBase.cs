namespace SelfServiceBot.Web.Tests.Infrastructure;

/// <summary>
/// A copy of the repository's knowledge base (articles and synonyms) in a temporary folder, with its own index folder,
/// for tests that publish articles: the repository's files are never written.
/// </summary>
public sealed class TempKnowledgeBase : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ssb-tests", "kb-" + Guid.NewGuid().ToString("N"));

    public TempKnowledgeBase()
    {
        var source = Path.Combine(RepositoryFolder.Root, "knowledgebase");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("eval", StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(Folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The knowledge base folder (locale/category/slug.md).</summary>
    public string Folder => Path.Combine(_root, "knowledgebase");

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Knowledge:KnowledgeBasePath"] = Folder,
        ["Knowledge:IndexPath"] = Path.Combine(_root, "index"),
    };

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
