namespace SelfServiceBot.KnowledgeDrafts.Storage;

/// <summary>
/// The one row that counts changes to <see cref="PublishedArticleRecord"/>s. Every publish bumps it in its own transaction,
/// first (the row lock makes publishers take turns, so revisions commit in order); every instance polls it and reloads its
/// index when it moved. One indexed row is the cheapest question an instance can ask every few seconds.
/// </summary>
public sealed class PublishedArticlesRevisionRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Revision { get; set; }
}
