using Microsoft.EntityFrameworkCore;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;
using static SelfServiceBot.Costs.Tests.Infrastructure.LedgerHarness;

namespace SelfServiceBot.Costs.Tests.Ledger;

/// <summary>
/// model_called events add their tokens to the conversation's latest contact, and change nothing else: the same
/// conversations with and without model calls give the same contacts, outcomes and times.
/// </summary>
public class ModelCallTokensTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_call_in_a_turn_adds_its_tokens_to_the_open_contact_used_or_not(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        await c.TurnAsync(T0, Step.Started(), Step.Message("where is my order"),
            Step.ModelCalled(ModelFeatures.GroundedAnswer, 1500, 150), Step.Answer("track-order", "orders"));
        await c.TurnAsync(T0 + Minute, Step.Message("and for furniture?"),
            Step.ModelCalled(ModelFeatures.FollowUp, 400, 30),
            // The service answered but the reply cited nothing: rejected, yet its tokens were spent.
            Step.ModelCalled(ModelFeatures.GroundedAnswer, 1480, 140, used: false),
            Step.ModelCalled(ModelFeatures.GroundedAnswer, new ChatModelReply(ChatOutcome.TimedOut, "", 0, 0, TimeSpan.FromSeconds(8))),
            Step.Answer("furniture-delivery", "orders"));

        await h.CatchUpAtAsync(T0 + 2 * Minute);
        var open = Assert.Single(await h.ContactsAsync());
        Assert.True(open.IsOpen);
        Assert.Equal((1500L + 400 + 1480, 150L + 30 + 140), (open.LlmInputTokens, open.LlmOutputTokens));

        await h.CatchUpAtAsync(T0 + 40 * Minute);
        var closed = Assert.Single(await h.ContactsAsync());
        Assert.Equal(ContactOutcomes.DeflectedAssumed, closed.Outcome);
        Assert.Equal(T0 + Minute, closed.EndedAt);
        Assert.Equal((3380L, 320L), (closed.LlmInputTokens, closed.LlmOutputTokens));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_call_after_the_contact_closed_adds_to_it_without_reopening_extending_or_reclassifying_it(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        await c.TurnAsync(T0, Step.Started(), Step.Message("my parcel is damaged, agent please"), Step.Handoff("explicit_request", category: "orders"));
        // The desk writes the summary when the chat reaches an agent, under its hand-off's key.
        await c.HandoffAsync(T0 + Minute, "h1", Step.ModelCalled(ModelFeatures.HandoffSummary, 1200, 120));
        await c.HandoffAsync(T0 + Minute, "h1", Step.Assigned());
        await c.HandoffAsync(T0 + 9 * Minute, "h1", Step.Resolved(8m));
        await c.HandoffAsync(T0 + 9 * Minute, "h1", Step.HandedBack());
        await c.HandoffAsync(T0 + 10 * Minute, "h1", Step.Csat(4));
        // An agent drafts an article from the resolved chat while the customer's rating reply is handled.
        await c.OutsideTurnAsync(T0 + 10 * Minute, "draft/d1/model_called/0", Step.ModelCalled(ModelFeatures.ArticleDraft, 2000, 400));
        await c.TurnAsync(T0 + 10 * Minute, Step.Message("4"));
        await h.CatchUpAtAsync(T0 + 11 * Minute);
        // A second draft two hours later, once the contact is long closed.
        await c.OutsideTurnAsync(T0 + 130 * Minute, "draft/d2/model_called/0", Step.ModelCalled(ModelFeatures.ArticleDraft, 1000, 300));

        await h.CatchUpAtAsync(T0 + 131 * Minute);

        var contact = Assert.Single(await h.ContactsAsync());
        Assert.False(contact.IsOpen);
        Assert.Equal(ContactOutcomes.Escalated, contact.Outcome);
        Assert.Equal(T0 + 9 * Minute, contact.EndedAt);
        Assert.Equal(4, contact.Csat);
        Assert.Equal((1200L + 2000 + 1000, 120L + 400 + 300), (contact.LlmInputTokens, contact.LlmOutputTokens));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_call_long_after_the_last_activity_does_not_move_the_end_of_a_contact_the_ledger_has_not_closed_yet(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        await c.TurnAsync(T0, Step.Started(), Step.Message("refund time"), Step.ModelCalled(ModelFeatures.GroundedAnswer, 1500, 150),
            Step.Answer("refund-time", "returns"));
        await c.OutsideTurnAsync(T0 + 90 * Minute, "draft/d1/model_called/0", Step.ModelCalled(ModelFeatures.ArticleDraft, 900, 200));

        await h.CatchUpAtAsync(T0 + 91 * Minute);

        var contact = Assert.Single(await h.ContactsAsync());
        Assert.Equal((ContactOutcomes.DeflectedAssumed, T0), (contact.Outcome, contact.EndedAt));
        Assert.Equal((2400L, 350L), (contact.LlmInputTokens, contact.LlmOutputTokens));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_recontact_gets_its_own_tokens_and_the_deflection_stays_recontacted(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        await c.TurnAsync(T0, Step.Started(), Step.Message("where is my order"),
            Step.ModelCalled(ModelFeatures.GroundedAnswer, 1500, 150), Step.Answer("track-order", "orders"));
        await h.CatchUpAtAsync(T0 + 31 * Minute);
        // Past the timeout the follow-up is rewritten with the earlier turns, but belongs to the new contact it is part of.
        await c.TurnAsync(T0 + 60 * Minute, Step.Message("it still has not arrived"),
            Step.ModelCalled(ModelFeatures.FollowUp, 400, 30), Step.Handoff("explicit_request"));
        await c.HandoffAsync(T0 + 61 * Minute, "h1", Step.ModelCalled(ModelFeatures.HandoffSummary, 1200, 120));

        await h.CatchUpAtAsync(T0 + 62 * Minute);

        var contacts = await h.ContactsAsync();
        Assert.Equal(2, contacts.Count);
        Assert.Equal((ContactOutcomes.DeflectedAssumed, true, T0), (contacts[0].Outcome, contacts[0].Recontacted, contacts[0].EndedAt));
        Assert.Equal((1500L, 150L), (contacts[0].LlmInputTokens, contacts[0].LlmOutputTokens));
        Assert.Equal(ContactOutcomes.Escalated, contacts[1].Outcome);
        Assert.Equal((1600L, 150L), (contacts[1].LlmInputTokens, contacts[1].LlmOutputTokens));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_call_in_a_conversation_without_any_contact_opens_none_and_its_tokens_are_not_counted(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("restored");
        // The log starts after the conversation's first events (a database restored from a backup): nothing to add them to.
        await c.HandoffAsync(T0, "h1", Step.ModelCalled(ModelFeatures.HandoffSummary, 1200, 120));
        await h.CatchUpAtAsync(T0 + Minute);
        Assert.Empty(await h.ContactsAsync());

        await c.TurnAsync(T0 + 2 * Minute, Step.Message("hello, is anyone there?"), Step.Answer("contact-us", "general"));
        await h.CatchUpAtAsync(T0 + 3 * Minute);

        var contact = Assert.Single(await h.ContactsAsync());
        Assert.Equal(T0 + 2 * Minute, contact.StartedAt);
        Assert.Equal((0L, 0L), (contact.LlmInputTokens, contact.LlmOutputTokens));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_replayed_turn_adds_nothing_and_a_rebuild_from_the_log_gives_the_same_tokens(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        Step[] turn = [Step.Started(), Step.Message("where is my order"), Step.ModelCalled(ModelFeatures.GroundedAnswer, 1500, 150),
            Step.Answer("track-order", "orders")];
        var activity = await c.TurnAsync(T0, turn);
        await h.CatchUpAtAsync(T0 + Minute);
        await c.ReplayAsync(activity, T0, turn);
        await c.TurnAsync(T0 + 40 * Minute, Step.Message("and returns?"), Step.ModelCalled(ModelFeatures.FollowUp, 400, 30),
            Step.ModelCalled(ModelFeatures.GroundedAnswer, 1400, 160), Step.Answer("return-policy", "returns"));
        await c.OutsideTurnAsync(T0 + 50 * Minute, "draft/d1/model_called/0", Step.ModelCalled(ModelFeatures.ArticleDraft, 2000, 400));
        await c.OutsideTurnAsync(T0 + 50 * Minute, "draft/d1/model_called/0", Step.ModelCalled(ModelFeatures.ArticleDraft, 2000, 400));
        await h.CatchUpAtAsync(T0 + 120 * Minute);
        var first = Snapshot(await h.ContactsAsync());

        // Rebuild: forget the contacts and the checkpoint, and apply the whole log again.
        await using (var db = h.Factory.CreateDbContext())
        {
            await db.Contacts().Where(x => x.Source == ContactSources.Bot).ExecuteDeleteAsync();
            await db.ContactProjections().ExecuteUpdateAsync(p => p.SetProperty(x => x.LastEventId, 0L));
        }
        await h.CatchUpAtAsync(T0 + 120 * Minute);
        var rebuilt = Snapshot(await h.ContactsAsync());

        Assert.Equal(
            [(T0, ContactOutcomes.DeflectedAssumed, 1500L, 150L), (T0 + 40 * Minute, ContactOutcomes.DeflectedAssumed, 1800L + 2000, 190L + 400)],
            first);
        Assert.Equal(first, rebuilt);
    }

    private static List<(DateTimeOffset, string?, long, long)> Snapshot(List<ContactRecord> contacts) =>
        contacts.Select(x => (x.StartedAt, x.Outcome, x.LlmInputTokens, x.LlmOutputTokens)).ToList();
}
