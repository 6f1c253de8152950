using SelfServiceBot.Conversation.State;

namespace SelfServiceBot.Conversation.Tests.State;

public sealed class DialogStateTests
{
    [Fact]
    public void Offered_articles_are_kept_once_each_latest_last_and_bounded()
    {
        var state = new DialogState();
        state.Offered(["a", "b"]);
        state.Offered(["a"]);
        Assert.Equal(["b", "a"], state.OfferedArticleIds);

        // A long contact (no message limit) keeps the latest ones only: the state is rewritten every turn.
        state.Offered(Enumerable.Range(0, 30).Select(i => $"x{i}"));
        Assert.Equal(DialogState.MaxOfferedArticles, state.OfferedArticleIds.Count);
        Assert.Equal("x10", state.OfferedArticleIds[0]);
        Assert.Equal("x29", state.OfferedArticleIds[^1]);
    }
}
