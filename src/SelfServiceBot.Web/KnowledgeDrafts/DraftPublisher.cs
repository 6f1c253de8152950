using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>What publishing did: the article's id and path, or why not (nothing published, the draft unchanged).</summary>
public sealed record PublishOutcome(string? ArticleId, string? ArticlePath, IReadOnlyList<DraftError> Errors, PublishProblem? Problem, string? Detail = null)
{
    public bool Published => ArticleId is not null;
}

public enum PublishProblem { Invalid, Changed, NoKnowledgeBaseFolder, WriteFailed }

/// <summary>
/// Publishes a reviewed draft as a new file of the knowledge base folder the bot serves. The knowledge base's file
/// watcher then reloads it on every instance that shares the folder, so the bot answers the new question; with
/// <c>Knowledge:WatchForChanges=false</c> this instance reloads at once.
/// </summary>
public sealed class DraftPublisher(
    KnowledgeDraftStore store,
    KnowledgeBaseLocator locator,
    KnowledgeEngineProvider engines,
    IOptions<KnowledgeOptions> options,
    TimeProvider clock,
    ILogger<DraftPublisher> logger)
{
    /// <param name="version">The version the reviewer saw; a draft changed since is not published.</param>
    public async Task<PublishOutcome> PublishAsync(long id, int version, DraftContent content, string reviewer, CancellationToken cancellationToken)
    {
        content = content.Normalized();
        if (content.Check(publishing: true) is { Count: > 0 } errors)
        {
            return new PublishOutcome(null, null, errors, PublishProblem.Invalid);
        }
        if (locator.Resolve(out _) is not { } root || !Directory.Exists(root))
        {
            return new PublishOutcome(null, null, [], PublishProblem.NoKnowledgeBaseFolder);
        }
        if (!await store.ClaimForPublishingAsync(id, version, content, reviewer, cancellationToken))
        {
            return new PublishOutcome(null, null, [], PublishProblem.Changed);
        }
        var article = new KnowledgeArticle
        {
            Id = $"{content.Category}-draft-{id}",
            Title = content.Title,
            Questions = content.Questions,
            Category = content.Category,
            Locale = content.Locale,
            Owner = reviewer,
            Updated = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            Body = content.Answer,
            SourcePath = "",
        };
        string articleId, path;
        try
        {
            var taken = KnowledgeBaseLoader.Load(root).Articles.Where(a => string.Equals(a.Locale, content.Locale, StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            (article, path) = ArticleFiles.WriteNew(root, article, taken);
            articleId = article.Id;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await store.ReleaseAsync(id);
            logger.LogError(ex, "Publishing draft {DraftId} failed; it is a draft again", id);
            return new PublishOutcome(null, null, [], PublishProblem.WriteFailed, ex.Message);
        }
        await store.SetArticleAsync(id, articleId, path, CancellationToken.None);
        logger.LogInformation("Draft {DraftId} published by {Reviewer} as {ArticleId} ({Path})", id, reviewer, articleId, path);
        if (!options.Value.WatchForChanges)
        {
            await engines.ReloadAsync(cancellationToken);
        }
        return new PublishOutcome(articleId, path, [], null);
    }
}
