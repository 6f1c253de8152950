using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// Finds the knowledge base folder: the configured path (relative to the content root), else the
/// nearest <c>knowledgebase/</c> walking up from the content root, the working directory and the
/// app's own folder. That last walk is what lets tests and <c>dotnet run</c> find the repository's KB.
/// </summary>
public sealed class KnowledgeBaseLocator(IOptions<KnowledgeOptions> options, IHostEnvironment? environment = null)
{
    public const string FolderName = "knowledgebase";

    /// <summary>The folder, or null when none can be found (the reason is in <paramref name="searched"/>).</summary>
    public string? Resolve(out IReadOnlyList<string> searched)
    {
        var tried = new List<string>();
        searched = tried;
        var contentRoot = environment?.ContentRootPath is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();
        if (options.Value.KnowledgeBasePath is { Length: > 0 } configured)
        {
            var full = Path.GetFullPath(Path.Combine(contentRoot, configured));
            tried.Add(full);
            return Directory.Exists(full) ? full : null;
        }

        foreach (var start in new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory }.Distinct())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
            tried.Add($"{start} and its parents");
        }
        return null;
    }
}
