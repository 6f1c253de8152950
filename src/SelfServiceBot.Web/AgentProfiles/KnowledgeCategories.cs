using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Web.AgentProfiles;

/// <summary>The knowledge base's categories: what agents' skills and new articles' categories are chosen from.</summary>
public interface IKnowledgeCategories
{
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>The categories of the knowledge base the bot serves now (the loaded engine, reloaded when the files change).</summary>
internal sealed class ServedKnowledgeCategories(KnowledgeEngineProvider provider) : IKnowledgeCategories
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        (await provider.GetAsync(cancellationToken))?.Articles.Select(a => a.Category).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal).ToList() ?? [];
}

/// <summary>
/// The categories read straight from the knowledge base folder, for the CLI: no index is built (that takes seconds and
/// writes the index folder), only the articles' front matter is read.
/// </summary>
internal sealed class FolderKnowledgeCategories(KnowledgeBaseLocator locator) : IKnowledgeCategories
{
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> categories = locator.Resolve(out _) is { } path && Directory.Exists(path)
            ? KnowledgeBaseLoader.Load(path).Articles.Select(a => a.Category).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList()
            : [];
        return Task.FromResult(categories);
    }
}
