namespace SelfServiceBot.KnowledgeDrafts.Storage;

/// <summary>
/// A knowledge base article published at run time (a reviewed draft, or <c>kb import --publish</c>): the database is where
/// such articles live, so every instance serves them and they survive a redeploy of the containers. The Markdown files
/// shipped with the app stay the authored base; the bot serves both (docs/knowledge.md, "One knowledge base for all
/// instances"). <see cref="Revision"/> is the <see cref="PublishedArticlesRevisionRecord.Revision"/> of the change that
/// wrote the row last.
/// </summary>
public sealed class PublishedArticleRecord
{
    public long Id { get; set; }
    /// <summary>The article's id (its slug), unique in its locale over the files and this table when published.</summary>
    public required string ArticleId { get; set; }
    public required string Locale { get; set; }
    public required string Category { get; set; }
    public required string Title { get; set; }
    /// <summary>Other ways customers ask it (JSON array of strings).</summary>
    public string QuestionsJson { get; set; } = "[]";
    public string TagsJson { get; set; } = "[]";
    public string RelatedJson { get; set; } = "[]";
    /// <summary>The answer, Markdown.</summary>
    public required string Body { get; set; }
    public string? Owner { get; set; }
    public DateOnly? Updated { get; set; }
    /// <summary>The draft it was published from (null: imported).</summary>
    public long? DraftId { get; set; }
    public required string PublishedBy { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public long Revision { get; set; }
}
