using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Tests.Infrastructure;

namespace SelfServiceBot.Conversation.Tests.Flow;

public sealed class ConversationEventTests(ConversationHostFixture fixture) : IClassFixture<ConversationHostFixture>
{
    private ConversationTestHost Host => fixture.Host;

    [Fact]
    public async Task A_whole_conversation_reports_each_step_once_in_order()
    {
        var flow = Host.Flow(Channels.DirectLine);
        await flow.SendEvent("webchat/join")
            .Send("How do I track my order?")
            .Send("No")
            .Send("Talk to a person")
            .StartTestAsync();

        var events = await Host.EventsAsync(flow.ConversationId);

        Assert.Equal(
        [
            ConversationEventTypes.ContactStarted,
            ConversationEventTypes.CustomerMessage, ConversationEventTypes.AnswerShown,
            ConversationEventTypes.CustomerMessage, ConversationEventTypes.Feedback,
            ConversationEventTypes.CustomerMessage, HandoffEventTypes.HandoffRequested, "offline_ticket_created",
        ], events.Select(e => e.Type));
        Assert.All(events, e =>
        {
            Assert.Equal(Channels.DirectLine, e.ChannelId);
            Assert.Equal(TestFlow.UserId, e.UserId);
            Assert.Equal("en", e.Locale);
        });
        Assert.Equal("How do I track my order?", events[1].Text);
        Assert.Equal(("track-order", 100), (events[2].ArticleId, events[2].Confidence));
        Assert.Equal("orders", Data(events[2]).GetProperty("category").GetString());
        Assert.Equal("track-order", events[4].ArticleId);
        Assert.False(Data(events[4]).GetProperty("helpful").GetBoolean());
        Assert.Equal("negative_feedback", events[6].Reason);
        Assert.Matches("^H-[2-9A-Z]{5}$", Data(events[6]).GetProperty("reference").GetString());
        Assert.Equal("join", Data(events[0]).GetProperty("trigger").GetString());
        Assert.Equal(["question", "not_helpful", "accept_handoff"],
            events.Where(e => e.Type == ConversationEventTypes.CustomerMessage).Select(e => Data(e).GetProperty("intent").GetString()));
    }

    [Fact]
    public async Task A_greeting_and_a_request_for_a_person_are_reported_as_such_not_as_questions()
    {
        var flow = Host.Flow();
        await flow.Send("hi").Send("I want to talk to a human").StartTestAsync();

        var messages = (await Host.EventsAsync(flow.ConversationId)).Where(e => e.Type == ConversationEventTypes.CustomerMessage).ToList();
        Assert.Equal(["greeting", "request_handoff"], messages.Select(e => Data(e).GetProperty("intent").GetString()));
    }

    [Fact]
    public async Task Helpful_feedback_is_reported_as_helpful()
    {
        var flow = Host.Flow();
        await flow.Send("Where is my refund?").Send("Yes").StartTestAsync();

        var feedback = Assert.Single(await Host.EventsAsync(flow.ConversationId), e => e.Type == ConversationEventTypes.Feedback);
        Assert.True(Data(feedback).GetProperty("helpful").GetBoolean());
        Assert.Equal("refund-status", feedback.ArticleId);
    }

    [Fact]
    public async Task Clarify_reports_the_articles_offered_and_a_no_match_offers_a_low_confidence_hand_off()
    {
        var flow = Host.Flow();
        await flow.Send("return").Send("None of these").Send("Talk to a person").StartTestAsync();

        var events = await Host.EventsAsync(flow.ConversationId);
        var clarify = Assert.Single(events, e => e.Type == ConversationEventTypes.ClarifyShown);
        Assert.Equal(["return-item", "return-label", "return-in-store"],
            Data(clarify).GetProperty("articleIds").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("low_confidence", Assert.Single(events, e => e.Type == HandoffEventTypes.HandoffRequested).Reason);
    }

    [Fact]
    public async Task Restart_ends_the_contact_and_starts_a_new_one()
    {
        var flow = Host.Flow();
        await flow.Send("hi").Send("restart").StartTestAsync();

        var events = await Host.EventsAsync(flow.ConversationId);
        Assert.Equal(
        [
            ConversationEventTypes.ContactStarted, ConversationEventTypes.CustomerMessage,
            ConversationEventTypes.ConversationEnded, ConversationEventTypes.ContactStarted,
        ], events.Select(e => e.Type));
        Assert.Equal("restart", events[2].Reason);
    }

    [Fact]
    public async Task Idempotency_keys_name_the_activity_the_type_and_the_position()
    {
        var flow = Host.Flow();
        await flow.Send("hi").StartTestAsync();

        var events = await Host.EventsAsync(flow.ConversationId);
        Assert.Equal(
        [
            $"test/{flow.ConversationId}/act-1/contact_started/0",
            $"test/{flow.ConversationId}/act-1/customer_message/0",
        ], events.Select(e => e.IdempotencyKey));
    }

    private static JsonElement Data(Data.Entities.ConversationEventRecord record) =>
        JsonDocument.Parse(record.DataJson ?? "{}").RootElement;
}
