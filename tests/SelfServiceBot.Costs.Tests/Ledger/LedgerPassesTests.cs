using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;
using static SelfServiceBot.Costs.Tests.Infrastructure.LedgerHarness;

namespace SelfServiceBot.Costs.Tests.Ledger;

/// <summary>A contact whose events arrive over several passes: each pass loads the batch's contacts and goes on with them.</summary>
public class LedgerPassesTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory, MemberData(nameof(Providers))]
    public async Task Contacts_continued_in_a_later_pass_are_updated_not_opened_again(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        // Two conversations on two channels with the same conversation id, and one more: each contact is found again.
        var web = h.Conversation("c1");
        var teams = h.Conversation("c1", user: "customer-2", channel: "msteams");
        var other = h.Conversation("c2", user: "customer-3");
        await web.TurnAsync(T0, Step.Started(), Step.Message("where is my order"));
        await teams.TurnAsync(T0, Step.Started(), Step.Message("refund time"));
        await other.TurnAsync(T0, Step.Started(), Step.Message("opening hours"));
        await h.CatchUpAtAsync(T0 + Minute);

        await web.TurnAsync(T0 + 2 * Minute, Step.Answer("track-order", "orders"));
        await teams.TurnAsync(T0 + 2 * Minute, Step.Answer("refund-time", "returns"));
        await web.TurnAsync(T0 + 3 * Minute, Step.Message("Yes"), Step.Feedback(true, "track-order"));
        await h.CatchUpAtAsync(T0 + 4 * Minute);

        var contacts = (await h.ContactsAsync()).OrderBy(c => c.ChannelId).ThenBy(c => c.ConversationId).ToList();
        Assert.Equal([("msteams", "c1"), ("webchat", "c1"), ("webchat", "c2")], contacts.Select(c => (c.ChannelId, c.ConversationId)));
        Assert.Equal(("refund-time", "returns", true), (contacts[0].ArticleId, contacts[0].Category, contacts[0].AnswerShown));
        Assert.Equal(("track-order", "orders", true, true), (contacts[1].ArticleId, contacts[1].Category, contacts[1].AnswerShown, contacts[1].HelpfulFeedback));
        Assert.Equal(T0 + 3 * Minute, contacts[1].LastActivityAt);
        Assert.False(contacts[2].AnswerShown);
        Assert.All(contacts, c => Assert.True(c.IsOpen));
    }
}
