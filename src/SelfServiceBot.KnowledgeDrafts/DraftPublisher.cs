using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SelfServiceBot.Data;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.KnowledgeDrafts;

/// <summary>What publishing did: the article's id and the file it becomes when exported, or why not (nothing published, the draft unchanged).</summary>
public sealed record PublishOutcome(string? ArticleId, string? ArticlePath, IReadOnlyList<DraftError> Errors, PublishProblem? Problem)
{
    public bool Published => ArticleId is not null;
}

public enum PublishProblem { Invalid, Changed }

/// <summary>
/// Publishes a reviewed draft into the database's published articles, in one transaction with the draft's status: nothing
/// is written to the knowledge base folder (in a container it is the image's, read-only), and the article survives a
/// redeploy. This instance reloads at once; the others when they next poll (Knowledge:SharedPollSeconds).
/// </summary>
public sealed class DraftPublisher(
    IDbContextFactory<BotDbContext> factory,
    KnowledgeDraftStore store,
    PublishedArticleStore articles,
    KnowledgeBaseLocator locator,
    KnowledgeEngineProvider engines,
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
        var fileIds = FileIds(content.Locale);
        string articleId, path;
        await using (var db = factory.CreateDbContext())
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The draft first: a reviewer who lost the race changes nothing, not even the revision.
            if (!await store.ClaimForPublishingAsync(db, id, version, content, reviewer, cancellationToken))
            {
                return new PublishOutcome(null, null, [], PublishProblem.Changed);
            }
            var added = await articles.AddAsync(db, article, ArticleSlug.Of(article), fileIds, id, reviewer, cancellationToken);
            (articleId, path) = (added.Id, PublishedArticleStore.PathOf(added.Locale, added.Category, added.Id));
            await KnowledgeDraftStore.SetArticleAsync(db, id, articleId, path, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        logger.LogInformation("Draft {DraftId} published by {Reviewer} as {ArticleId}", id, reviewer, articleId);
        try
        {
            await engines.ReloadAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Published all the same: the poll reloads it here too.
            logger.LogError(ex, "Reloading the knowledge base after publishing {ArticleId} failed", articleId);
        }
        return new PublishOutcome(articleId, path, [], null);
    }

    /// <summary>
    /// The ids and file names of the knowledge base folder's articles in this locale: a published article takes neither, so
    /// it can be exported beside them (<c>kb export --published --to</c>) and served beside them.
    /// </summary>
    private HashSet<string> FileIds(string locale) =>
        locator.Resolve(out _) is { } root
            ? KnowledgeBaseLoader.Load(root).Articles.Where(a => string.Equals(a.Locale, locale, StringComparison.OrdinalIgnoreCase))
                .SelectMany(a => new[] { a.Id, Path.GetFileNameWithoutExtension(a.SourcePath) }).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
