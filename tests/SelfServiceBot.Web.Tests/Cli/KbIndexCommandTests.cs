using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary><c>kb index</c> builds the index where the server will look for it.</summary>
public sealed class KbIndexCommandTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ssb-kb-index-cwd-").FullName;
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("ssb-kb-index-root-").FullName;

    [Fact]
    public async Task The_configured_index_path_is_under_the_servers_content_root_not_the_working_directory()
    {
        var (exit, stdout, stderr) = await ProductExecutable.RunInAsync(_workingDirectory,
            new Dictionary<string, string> { ["ASPNETCORE_CONTENTROOT"] = _contentRoot },
            "kb", "index", "--kb", Path.Combine(RepositoryFolder.Root, "knowledgebase"));

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("built: " + Path.Combine(_contentRoot, "data", "index"), stdout);
        Assert.False(Directory.Exists(Path.Combine(_workingDirectory, "data")));
    }

    public void Dispose()
    {
        Directory.Delete(_workingDirectory, recursive: true);
        Directory.Delete(_contentRoot, recursive: true);
    }
}
