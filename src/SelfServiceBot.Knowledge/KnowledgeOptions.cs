namespace SelfServiceBot.Knowledge;

/// <summary>The <c>Knowledge</c> section.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// Folder holding <c>&lt;locale&gt;/&lt;category&gt;/&lt;slug&gt;.md</c>. Relative paths are taken from the content
    /// root. When empty, the nearest <c>knowledgebase/</c> above the content root or working directory is used.
    /// </summary>
    public string? KnowledgeBasePath { get; set; }

    /// <summary>Confidence (0-100) from which the best article is answered directly.</summary>
    public int AnswerThreshold { get; set; } = 65;

    /// <summary>Confidence from which an article is offered as a "Did you mean" choice; below it there is no match.</summary>
    public int ClarifyThreshold { get; set; } = 35;

    /// <summary>
    /// When the runner-up is within this many points of an answerable best article, the customer is
    /// asked to choose rather than shown a coin toss.
    /// </summary>
    public int AmbiguityMargin { get; set; } = 8;
}
