namespace SelfServiceBot.KnowledgeDrafts.Storage;

/// <summary>
/// A knowledge base article waiting for an author's review: written from a resolved chat (the customer's question, the
/// agent's answer) or from a knowledge gap of the cost report. Status moves draft -> published (a
/// <see cref="PublishedArticleRecord"/>) or draft -> rejected (with a note). Every change bumps <see cref="Version"/>, so a
/// reviewer never publishes or overwrites a text they did not see.
/// </summary>
public sealed class KnowledgeDraftRecord
{
    public long Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Other ways customers ask it (JSON array of strings).</summary>
    public string QuestionsJson { get; set; } = "[]";
    /// <summary>The answer, Markdown (empty until someone writes it, e.g. a draft from a knowledge gap).</summary>
    public string Answer { get; set; } = "";
    public required string Locale { get; set; }
    public required string Category { get; set; }
    /// <summary>conversation or knowledge_gap (<see cref="KnowledgeDraftSources"/>).</summary>
    public required string Source { get; set; }
    /// <summary>The hand-off's reference (H-7K3Q9) or the gap's question.</summary>
    public string? SourceReference { get; set; }
    public string? ConversationId { get; set; }
    public long? HandoffId { get; set; }
    public string Status { get; set; } = KnowledgeDraftStatus.Draft;
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>Why it was rejected (for the author).</summary>
    public string? ReviewNote { get; set; }
    /// <summary>The published article's id and the file it becomes when exported (locale/category/slug.md).</summary>
    public string? ArticleId { get; set; }
    public string? ArticlePath { get; set; }
    public int Version { get; set; }
}

public static class KnowledgeDraftStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [Draft, Published, Rejected];
}

public static class KnowledgeDraftSources
{
    public const string Conversation = "conversation";
    public const string KnowledgeGap = "knowledge_gap";
}
