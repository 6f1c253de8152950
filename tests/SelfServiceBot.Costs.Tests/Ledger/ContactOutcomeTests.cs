using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;
using static SelfServiceBot.Costs.Tests.Infrastructure.LedgerHarness;

namespace SelfServiceBot.Costs.Tests.Ledger;

/// <summary>Each outcome of the contract, from the events a real conversation writes.</summary>
public class ContactOutcomeTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory, MemberData(nameof(Providers))]
    public async Task An_answer_the_customer_confirms_is_a_confirmed_deflection_once_the_contact_times_out(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        await c.TurnAsync(T0, Step.Started(), Step.Message("where is my order"), Step.Answer("track-order", "orders"));
        await c.TurnAsync(T0 + Minute, Step.Message("Yes"), Step.Feedback(true, "track-order"));

        await h.CatchUpAtAsync(T0 + 30 * Minute);
        var open = Assert.Single(await h.ContactsAsync());
        Assert.True(open.IsOpen);
        Assert.Null(open.Outcome);

        await h.CatchUpAtAsync(T0 + 31 * Minute);
        var contact = Assert.Single(await h.ContactsAsync());
        Assert.False(contact.IsOpen);
        Assert.Equal(ContactOutcomes.DeflectedConfirmed, contact.Outcome);
        Assert.Equal(T0 + Minute, contact.EndedAt);
        Assert.Equal("track-order", contact.ArticleId);
        Assert.Equal("orders", contact.Category);
        Assert.Equal("where is my order", contact.Question);
        Assert.Equal("customer-1", contact.CustomerId);
        Assert.Equal("webchat", contact.ChannelId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_answer_followed_by_silence_is_an_assumed_deflection(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        await h.Conversation("c1").TurnAsync(T0, Step.Started("message"), Step.Message("refund time"), Step.Answer("refund-time", "returns"));

        await h.CatchUpAtAsync(T0 + 30 * Minute);

        Assert.Equal(ContactOutcomes.DeflectedAssumed, Assert.Single(await h.ContactsAsync()).Outcome);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_answer_rated_not_helpful_and_then_silence_is_abandoned(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        await c.TurnAsync(T0, Step.Started(), Step.Message("refund time"), Step.Answer("refund-time", "returns"));
        await c.TurnAsync(T0 + Minute, Step.Message("No"), Step.Feedback(false, "refund-time"));

        await h.CatchUpAtAsync(T0 + 40 * Minute);

        Assert.Equal(ContactOutcomes.Abandoned, Assert.Single(await h.ContactsAsync()).Outcome);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_question_without_an_answer_is_abandoned_and_a_join_without_a_message_is_unengaged(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        await h.Conversation("asked", user: "a").TurnAsync(T0, Step.Started(), Step.Message("blorp"), Step.Clarify());
        await h.Conversation("silent", user: "b").TurnAsync(T0, Step.Started());

        await h.CatchUpAtAsync(T0 + 30 * Minute);

        var contacts = (await h.ContactsAsync()).ToDictionary(x => x.ConversationId!);
        Assert.Equal(ContactOutcomes.Abandoned, contacts["asked"].Outcome);
        Assert.Equal(ContactOutcomes.Unengaged, contacts["silent"].Outcome);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_hand_off_is_escalated_at_once_and_takes_handle_time_category_and_the_rating_after_the_hand_back(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1", channel: "msteams", locale: "zh-CN");
        await c.TurnAsync(T0, Step.Started(), Step.Message("我要找人工"), Step.Handoff("explicit_request", category: "orders"));
        await c.HandoffAsync(T0 + Minute, "h1", Step.Queued());

        // Waiting in the queue is not the customer going quiet: still open after the contact timeout.
        await h.CatchUpAtAsync(T0 + 45 * Minute);
        var waiting = Assert.Single(await h.ContactsAsync());
        Assert.Equal(ContactOutcomes.Escalated, waiting.Outcome);
        Assert.True(waiting.IsOpen);

        await c.HandoffAsync(T0 + 46 * Minute, "h1", Step.Assigned());
        await c.HandoffAsync(T0 + 58 * Minute, "h1", Step.Resolved(12.5m, category: "payment"));
        await c.HandoffAsync(T0 + 58 * Minute, "h1", Step.HandedBack());
        // The desk records the rating while the bot handles the customer's reply, before the turn's own events.
        await c.HandoffAsync(T0 + 59 * Minute, "h1", Step.Csat(4));
        await c.TurnAsync(T0 + 59 * Minute, Step.Message("4"));
        await h.CatchUpAtAsync(T0 + 60 * Minute);

        var contact = Assert.Single(await h.ContactsAsync());
        Assert.False(contact.IsOpen);
        Assert.Equal(ContactOutcomes.Escalated, contact.Outcome);
        Assert.Equal("explicit_request", contact.EscalationReason);
        Assert.Equal(750_000L, contact.HandleMilliseconds); // 12.5 minutes
        Assert.Equal("payment", contact.Category);
        Assert.Equal(4, contact.Csat);
        Assert.Equal(T0 + 58 * Minute, contact.EndedAt);
        Assert.Equal("zh-CN", contact.Locale);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_reply_to_the_rating_question_is_part_of_the_rated_contact_but_a_new_question_after_the_hand_back_is_a_new_contact(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var rated = h.Conversation("rated", user: "customer-1");
        var asked = h.Conversation("asked", user: "customer-2");
        foreach (var c in new[] { rated, asked })
        {
            await c.TurnAsync(T0, Step.Started(), Step.Message("agent please"), Step.Handoff("explicit_request"));
            await c.HandoffAsync(T0 + Minute, "h-" + c.ConversationId, Step.Assigned());
            await c.HandoffAsync(T0 + 5 * Minute, "h-" + c.ConversationId, Step.Resolved(4m));
            await c.HandoffAsync(T0 + 5 * Minute, "h-" + c.ConversationId, Step.HandedBack());
        }
        await rated.HandoffAsync(T0 + 6 * Minute, "h-rated", Step.Csat(5));
        // The ledger runs between the rating and the reply: the reply is the first event of the next batch.
        await h.CatchUpAtAsync(T0 + 6 * Minute);
        await rated.TurnAsync(T0 + 6 * Minute, Step.Message("5"));
        await asked.TurnAsync(T0 + 6 * Minute, Step.Message("how long does a refund take"), Step.Answer("refund-time", "returns"));

        await h.CatchUpAtAsync(T0 + 40 * Minute);

        var contacts = await h.ContactsAsync();
        var ratedContact = Assert.Single(contacts, x => x.ConversationId == "rated");
        Assert.Equal((ContactOutcomes.Escalated, 5), (ratedContact.Outcome, ratedContact.Csat));
        Assert.Equal([ContactOutcomes.Escalated, ContactOutcomes.DeflectedAssumed],
            contacts.Where(x => x.ConversationId == "asked").Select(x => x.Outcome));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_offline_ticket_is_escalated_and_ends_when_the_customer_goes_quiet(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        await c.TurnAsync(T0, Step.Started(), Step.Message("agent please"), Step.Handoff("explicit_request"));
        await c.HandoffAsync(T0, "h1", Step.OfflineTicket());

        await h.CatchUpAtAsync(T0 + 30 * Minute);

        var contact = Assert.Single(await h.ContactsAsync());
        Assert.Equal(ContactOutcomes.Escalated, contact.Outcome);
        Assert.False(contact.IsOpen);
        Assert.Null(contact.HandleMilliseconds);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_contact_question_is_the_first_real_question_not_a_greeting_or_a_request_for_a_person(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var greeted = h.Conversation("greeted", user: "a");
        await greeted.TurnAsync(T0, Step.Started(), Step.Message("hi", "greeting"));
        await greeted.TurnAsync(T0 + Minute, Step.Message("where is my order", "question"), Step.Clarify());
        var person = h.Conversation("person", user: "b");
        await person.TurnAsync(T0, Step.Started(), Step.Message("agent please", "request_handoff"), Step.Handoff("explicit_request"));
        await person.TurnAsync(T0 + Minute, Step.Message("my parcel came open and half is missing", "to_agent"));

        await h.CatchUpAtAsync(T0 + 2 * Minute);

        var contacts = (await h.ContactsAsync()).ToDictionary(c => c.ConversationId!);
        Assert.Equal("where is my order", contacts["greeted"].Question);
        Assert.Equal("my parcel came open and half is missing", contacts["person"].Question);
        Assert.Equal("my parcel came open and half is missing", contacts["person"].QuestionKey);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_message_after_the_timeout_starts_a_new_contact_and_marks_the_deflection_recontacted(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        await c.TurnAsync(T0, Step.Started(), Step.Message("where is my order"), Step.Answer("track-order", "orders"));
        await c.TurnAsync(T0 + 29 * Minute, Step.Message("thanks"));
        // 30 minutes after the last activity: the first contact has ended; the bot writes no contact_started here.
        await c.TurnAsync(T0 + 59 * Minute, Step.Message("it still has not arrived"), Step.Handoff("explicit_request"));

        await h.CatchUpAtAsync(T0 + 60 * Minute);

        var contacts = await h.ContactsAsync();
        Assert.Equal(2, contacts.Count);
        Assert.Equal(ContactOutcomes.DeflectedAssumed, contacts[0].Outcome);
        Assert.Equal(T0 + 29 * Minute, contacts[0].EndedAt);
        Assert.True(contacts[0].Recontacted);
        Assert.Equal(ContactOutcomes.Escalated, contacts[1].Outcome);
        Assert.Equal(T0 + 59 * Minute, contacts[1].StartedAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_restart_ends_the_contact_and_starts_the_next(DatabaseProvider provider)
    {
        await using var h = await CreateAsync(provider);
        var c = h.Conversation("c1");
        await c.TurnAsync(T0, Step.Started(), Step.Message("where is my order"), Step.Answer("track-order", "orders"), Step.Feedback(true, "track-order"));
        await c.TurnAsync(T0 + Minute, Step.Ended("restart"), Step.Started("restart"));

        await h.CatchUpAtAsync(T0 + 2 * Minute);

        var contacts = await h.ContactsAsync();
        Assert.Equal(2, contacts.Count);
        Assert.Equal(ContactOutcomes.DeflectedConfirmed, contacts[0].Outcome);
        Assert.Equal(T0 + Minute, contacts[0].EndedAt);
        Assert.True(contacts[1].IsOpen);
        // The restarted contact is the same customer but was never engaged: not a recontact.
        Assert.False(contacts[0].Recontacted);
    }
}
