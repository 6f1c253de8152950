using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Tests.Infrastructure;

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
    public async Task An_activity_whose_instance_crashed_mid_turn_is_refused_as_busy_until_its_claim_runs_out_then_answered_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartWithoutWaitingAsync(clock);
        var flow = host.Flow(Channels.WebChat);
        var question = flow.NewActivity(ActivityTypes.Message, a => a.Text = "How do I track my order?");
        // The crashed instance claimed the activity and got no further: no reply sent, nothing written, no answer to the channel.
        var key = new ActivityKey(Channels.WebChat, flow.ConversationId, question.Id!);
        var claims = host.Services.GetRequiredService<IProcessedActivityStore>();
        Assert.Equal(ClaimStatus.Claimed, (await claims.ClaimAsync(key, "crashed", Lease, default)).Status);

        await flow.Send(question).AssertNoReply().StartTestAsync();
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await flow.Send(question).AssertAnswer("track your order")
            .Send(question).AssertNoReply()
            .StartTestAsync();

        // Busy (the channel is told to retry, not that it is done), then the takeover, then done.
        Assert.Equal([TurnOutcome.Busy, TurnOutcome.Processed, TurnOutcome.Duplicate], flow.Results.Select(r => r.Outcome));
        Assert.Single(await host.EventsAsync(flow.ConversationId), e => e.Type == ConversationEventTypes.AnswerShown);
        Assert.Contains("AwaitingFeedback", (await host.StateAsync(Channels.WebChat, flow.ConversationId))!.Json);
    }

    [Fact]
    public async Task A_turn_whose_instance_died_after_its_reply_went_out_is_recorded_by_the_redelivery_without_a_second_reply()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartWithoutWaitingAsync(clock);
        var flow = host.Flow(Channels.WebChat);
        var question = flow.NewActivity(ActivityTypes.Message, a => a.Text = "How do I track my order?");
        // The crashed instance sent the answer (and recorded that) but died before writing the turn.
        var key = new ActivityKey(Channels.WebChat, flow.ConversationId, question.Id!);
        var claims = host.Services.GetRequiredService<IProcessedActivityStore>();
        Assert.Equal(ClaimStatus.Claimed, (await claims.ClaimAsync(key, "crashed", Lease, default)).Status);
        await claims.RecordRepliedAsync(key, "crashed", default);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));

        await flow.Send(question).AssertNoReply().Send(question).AssertNoReply().StartTestAsync();

        Assert.Equal([TurnOutcome.Processed, TurnOutcome.Duplicate], flow.Results.Select(r => r.Outcome));
        var events = await host.EventsAsync(flow.ConversationId);
        Assert.Equal([ConversationEventTypes.ContactStarted, ConversationEventTypes.CustomerMessage, ConversationEventTypes.AnswerShown],
            events.Select(e => e.Type));
    }

    private static readonly TimeSpan Lease = new TurnClaimOptions().Lease;

    // The fake clock never moves by itself: a redelivery answers at once instead of waiting on it.
    private static Task<ConversationTestHost> StartWithoutWaitingAsync(FakeTimeProvider clock) => ConversationTestHost.StartAsync(s =>
    {
        s.AddSingleton<TimeProvider>(clock);
        s.Configure<TurnClaimOptions>(o => o.RedeliveryWait = TimeSpan.Zero);
    });
}
