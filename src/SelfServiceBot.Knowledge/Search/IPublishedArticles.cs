using SelfServiceBot.Knowledge.Articles;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// Articles published at run time, shared by every instance (the host keeps them in its database). The engine serves them
/// beside the knowledge base folder's files and polls <see cref="RevisionAsync"/> to reload when another instance published.
/// Without an implementation registered, the bot serves the files alone.
/// </summary>
public interface IPublishedArticles
{
    /// <summary>A number that moves on every change of the published articles; cheap enough to ask every few seconds.</summary>
    Task<long> RevisionAsync(CancellationToken cancellationToken);

    /// <summary>The published articles, ordered by locale and id, with the revision read before them.</summary>
    Task<PublishedArticleSet> LoadAsync(CancellationToken cancellationToken);
}

/// <param name="Revision">Read before the articles: a change committed in between is loaded again on the next poll.</param>
public sealed record PublishedArticleSet(long Revision, IReadOnlyList<KnowledgeArticle> Articles)
{
    public static readonly PublishedArticleSet Empty = new(-1, []);
}
