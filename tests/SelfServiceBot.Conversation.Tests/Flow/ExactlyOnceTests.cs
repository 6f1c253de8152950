using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Data.Conversations;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>Redeliveries across instances and after a crash: one reply, one set of events, nothing lost.</summary>
public sealed class ExactlyOnceTests
{
    [Fact]
    public async Task The_same_activity_delivered_to_two_instances_at_once_is_answered_and_recorded_once()
    {
        await using var first = await ConversationTestHost.StartAsync();
        await using var second = await ConversationTestHost.StartAsync(sharedDatabaseDirectory: first.DatabaseDirectory);
        var question = first.Flow(Channels.WebChat).NewActivity(ActivityTypes.Message, a => a.Text = "How do I track my order?");
        var (sinkA, sinkB) = (new RecordingSink(), new RecordingSink());

        var results = await Task.WhenAll(
            Task.Run(() => first.Processor.ProcessAsync(BotJson.Clone(question), sinkA, CancellationToken.None)),
            Task.Run(() => second.Processor.ProcessAsync(BotJson.Clone(question), sinkB, CancellationToken.None)));

        Assert.Equal([TurnOutcome.Processed, TurnOutcome.Duplicate], results.Select(r => r.Outcome).Order());
        // One answer, with its feedback question in the same message.
        Assert.Equal(1, sinkA.Replies.Count(r => r.Type == ActivityTypes.Message) + sinkB.Replies.Count(r => r.Type == ActivityTypes.Message));
        var events = await first.EventsAsync(question.Conversation!.Id!);
        Assert.Equal([ConversationEventTypes.ContactStarted, ConversationEventTypes.CustomerMessage, ConversationEventTypes.AnswerShown],
            events.Select(e => e.Type));
    }

    [Fact]
    public async Task An_activity_whose_instance_crashed_mid_turn_is_run_again_once_its_claim_runs_out()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ConversationTestHost.StartAsync(s => s.AddSingleton<TimeProvider>(clock));
        var flow = host.Flow(Channels.WebChat);
        var question = flow.NewActivity(ActivityTypes.Message, a => a.Text = "How do I track my order?");
        // The crashed instance claimed the activity and got no further: no reply sent, nothing written, no answer to the channel.
        var key = new ActivityKey(Channels.WebChat, flow.ConversationId, question.Id!);
        Assert.True(await host.Services.GetRequiredService<IProcessedActivityStore>().TryClaimAsync(key, TimeSpan.FromSeconds(15), default));

        await flow.Send(question).AssertNoReply().StartTestAsync();
        clock.Advance(TimeSpan.FromSeconds(15) + TimeSpan.FromSeconds(1));
        await flow.Send(question).AssertAnswer("track your order")
            .Send(question).AssertNoReply()
            .StartTestAsync();

        Assert.Equal([TurnOutcome.Duplicate, TurnOutcome.Processed, TurnOutcome.Duplicate], flow.Results.Select(r => r.Outcome));
        Assert.Single(await host.EventsAsync(flow.ConversationId), e => e.Type == ConversationEventTypes.AnswerShown);
        Assert.Contains("AwaitingFeedback", (await host.StateAsync(Channels.WebChat, flow.ConversationId))!.Json);
    }
}
