using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Tests.Engine;

public sealed class PersistentIndexTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ssb-index-").FullName;

    [Fact]
    public void The_same_knowledge_base_reuses_its_index_and_a_changed_one_gets_a_new_one()
    {
        var source = Source("Where is my parcel?");
        using (var first = PersistentIndex.Open(source, _root).Engine)
        {
        }
        var reopened = PersistentIndex.Open(source, _root);
        var changed = PersistentIndex.Open(Source("Has my parcel shipped?"), _root);

        Assert.False(reopened.Built);
        Assert.True(changed.Built);
        Assert.NotEqual(reopened.Stamp, changed.Stamp);
        Assert.Equal("track", reopened.Engine.Rank("where is my parcel", "en").Articles[0].Article.Id);
        Assert.Equal("track", changed.Engine.Rank("has my parcel shipped", "en").Articles[0].Article.Id);
        reopened.Engine.Dispose();
        changed.Engine.Dispose();
    }

    [Fact]
    public void A_folder_without_its_completion_marker_is_rebuilt_rather_than_trusted()
    {
        var source = Source("Where is my parcel?");
        var opened = PersistentIndex.Open(source, _root);
        opened.Engine.Dispose();
        File.Delete(Path.Combine(opened.Folder, "complete"));

        var again = PersistentIndex.Open(source, _root);

        Assert.True(again.Built);
        Assert.Equal("track", again.Engine.Rank("where is my parcel", "en").Articles[0].Article.Id);
        again.Engine.Dispose();
    }

    private static KnowledgeSource Source(string question) => new(
        new KnowledgeBase("memory",
        [
            Article("track", "How do I track my order?", question, "Can I get a tracking number?", "Track my parcel"),
            Article("refund", "Where is my refund?", "Refund not received", "When do I get my money back?"),
            Article("password", "How do I reset my password?", "Forgot password", "Cannot sign in"),
        ], []),
        new Dictionary<string, SelfServiceBot.Knowledge.Analysis.SynonymTable>());

    private static KnowledgeArticle Article(string id, string title, params string[] questions) => new()
    {
        Id = id, Title = title, Questions = questions, Category = "test", Locale = "en", Body = "Answer for " + id, SourcePath = id,
    };

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
