using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Data.Conversations;

namespace SelfServiceBot.Conversation.Tests.Flow;

public sealed class IdempotencyTests(ConversationHostFixture fixture) : IClassFixture<ConversationHostFixture>
{
    private ConversationTestHost Host => fixture.Host;

    [Fact]
    public async Task The_same_activity_delivered_twice_gets_one_reply_and_records_its_events_once()
    {
        var flow = Host.Flow(Channels.WebChat);
        var question = flow.NewActivity(ActivityTypes.Message, a => a.Text = "How do I track my order?");

        await flow.Send(question)
            .AssertAnswer("track your order")
            .Send(question)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal([TurnOutcome.Processed, TurnOutcome.Duplicate], flow.Results.Select(r => r.Outcome));
        var events = await Host.EventsAsync(flow.ConversationId);
        Assert.Single(events, e => e.Type == ConversationEventTypes.CustomerMessage);
        Assert.Single(events, e => e.Type == ConversationEventTypes.AnswerShown);
    }

    [Fact]
    public async Task A_replayed_turn_whose_events_were_already_written_adds_only_the_missing_ones()
    {
        // As after a crash between writing events and completing the turn: the redelivery writes the same keys again.
        var sink = Host.Services.GetRequiredService<IConversationEvents>();
        var conversation = $"conv-{Guid.NewGuid():N}";
        ConversationEvent Event(string type, int index) => new()
        {
            Type = type,
            IdempotencyKey = $"test/{conversation}/act-1/{type}/{index}",
            ChannelId = Channels.Test,
            ConversationId = conversation,
            OccurredAt = DateTimeOffset.UtcNow,
        };

        await sink.RecordAsync([Event(ConversationEventTypes.CustomerMessage, 0)], CancellationToken.None);
        await sink.RecordAsync([Event(ConversationEventTypes.CustomerMessage, 0), Event(ConversationEventTypes.AnswerShown, 0)], CancellationToken.None);

        Assert.Equal([ConversationEventTypes.CustomerMessage, ConversationEventTypes.AnswerShown],
            (await Host.EventsAsync(conversation)).Select(e => e.Type));
    }
}
