namespace SelfServiceBot.Knowledge.Engine;

/// <summary>
/// The Lucene documents of a language index: one per phrasing (the title and each alternate
/// question, field <see cref="Question"/>) so an article is found by its closest phrasing rather than
/// by a long concatenation, and one per article for its answer text and tags (<see cref="Body"/>).
/// </summary>
internal static class IndexFields
{
    public const string Article = "article";
    public const string Phrasing = "phrasing";
    public const string Question = "q";
    public const string Body = "body";
    /// <summary>All of an article's phrasings in one field: evidence spread over several phrasings adds up.</summary>
    public const string AllQuestions = "all";
}
