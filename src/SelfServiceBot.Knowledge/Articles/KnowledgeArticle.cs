namespace SelfServiceBot.Knowledge.Articles;

/// <summary>
/// One article of the knowledge base: <c>knowledgebase/&lt;locale&gt;/&lt;category&gt;/&lt;slug&gt;.md</c>,
/// front matter for the metadata and a Markdown body that is the answer shown to the customer.
/// </summary>
public sealed record KnowledgeArticle
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>Other ways customers ask the same thing; matched like the title.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];
    public required string Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required string Locale { get; init; }
    public IReadOnlyList<string> Related { get; init; } = [];
    public string? Owner { get; init; }
    public DateOnly? Updated { get; init; }
    /// <summary>The answer, as Markdown.</summary>
    public required string Body { get; init; }
    public required string SourcePath { get; init; }
}

/// <summary>A file that could not be loaded, and why; the rest of the knowledge base still loads.</summary>
public sealed record KnowledgeLoadProblem(string Path, int Line, string Reason)
{
    public override string ToString() => $"{Path}:{Line}: {Reason}";
}

/// <summary>What a load produced: the good articles and the problems with the others.</summary>
public sealed record KnowledgeBase(string RootPath, IReadOnlyList<KnowledgeArticle> Articles, IReadOnlyList<KnowledgeLoadProblem> Problems);
