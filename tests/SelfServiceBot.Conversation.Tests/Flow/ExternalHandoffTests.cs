using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>External mode: handoff.initiate with the transcript to another agent hub, then its handoff.status.</summary>
public sealed class ExternalHandoffTests : IAsyncLifetime
{
    private ConversationTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ConversationTestHost.StartAsync(s => s.Configure<HandoffOptions>(o => (o.Mode, o.ExternalHubIds) = ("External", [HubId])));

    private const string HubId = "agent-hub";

    /// <summary>handoff.status as the other hub posts it: from its own account, not the customer's.</summary>
    private static Activity Status(TestFlow flow, string state, string fromId = HubId, string? role = null) =>
        flow.NewActivity(ActivityTypes.Event, a =>
        {
            a.Name = "handoff.status";
            a.Value = JsonSerializer.SerializeToElement(new { state }, BotJson.Options);
            a.From = new ChannelAccount { Id = fromId, Role = role };
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_bot_sends_handoff_initiate_with_the_transcript_stays_quiet_until_completed_then_asks_for_a_rating()
    {
        var flow = _host.Flow(Channels.DirectLine, "en-US");
        Activity? initiate = null;
        await flow.Send("How do I track my order?").AssertAnswer("track")
            .Send("talk to a human")
            .AssertReply(reply => initiate = reply, "handoff.initiate")
            .AssertReply("I'm connecting you with a person. Please stay in the chat.")
            .Send(Status(flow, "accepted")).AssertNoReply()
            .Send("are you there?").AssertNoReply()
            .Send(Status(flow, "completed"))
            .AssertReply("How would you rate the help you got, from 1 (poor) to 5 (excellent)?", "1", "2", "3", "4", "5")
            .Send("2").AssertReply("Thank you for your rating!")
            .StartTestAsync();

        Assert.Equal((ActivityTypes.Event, "handoff.initiate"), (initiate!.Type, initiate.Name));
        var transcript = Assert.Single(initiate.Attachments!);
        Assert.Equal(("application/json", "Transcript"), (transcript.ContentType, transcript.Name));
        var lines = transcript.Content!.Value.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal("How do I track my order?", lines[0]);
        Assert.Equal("talk to a human", lines[^1]);
        Assert.Equal("explicit_request", initiate.Value!.Value.GetProperty("reason").GetString());
        Assert.Equal(flow.ConversationId, initiate.RelatesTo!.Conversation!.Id);

        var handoff = Assert.Single(await _host.HandoffsAsync(flow.ConversationId));
        Assert.Equal((HandoffStatus.Closed, 2), (handoff.Status, handoff.Rating));
        var types = (await _host.EventsAsync(flow.ConversationId)).Select(e => e.Type).Where(t => t is not ("customer_message" or "answer_shown" or "contact_started")).ToList();
        Assert.Equal(["handoff_requested", "agent_assigned", "handoff_resolved", "handed_back", "csat_given"], types);
        // The other hub gives no category: the contact keeps the topic it was routed with (it used to become "external").
        Assert.NotNull(handoff.Category);
        Assert.Equal(handoff.Category, handoff.Disposition);
        var resolved = (await _host.EventsAsync(flow.ConversationId)).Single(e => e.Type == "handoff_resolved");
        Assert.Equal(handoff.Category, JsonDocument.Parse(resolved.DataJson!).RootElement.GetProperty("category").GetString());
    }

    [Theory]
    [InlineData("en-US", "agent", "Sorry, no one could take the chat.")]
    [InlineData("zh-CN", "转人工", "抱歉，暂时没有客服能够接入。")]
    public async Task A_failed_external_hand_off_becomes_an_offline_ticket_and_an_unknown_status_is_ignored(string locale, string ask, string failed)
    {
        var flow = _host.Flow(Channels.DirectLine, locale);
        await flow.Send(ask).AssertReply(_ => { }, "handoff.initiate").AssertReplyMatches(".")
            .Send(Status(flow, "something-new")).AssertNoReply()
            .Send(Status(flow, "failed")).AssertReplyContains(failed)
            .StartTestAsync();

        var ticket = Assert.Single(await _host.HandoffsAsync(flow.ConversationId));
        Assert.Equal(HandoffStatus.Offline, ticket.Status);
        // Ended, so retention counts from here (it never closed before, and its contact details stayed for ever).
        Assert.NotNull(ticket.ClosedAt);
        Assert.Contains(await _host.EventsAsync(flow.ConversationId), e => e.Type == "offline_ticket_created");
    }

    [Fact]
    public async Task A_customer_cannot_post_handoff_status_into_their_own_conversation()
    {
        var flow = _host.Flow(Channels.DirectLine, "en-US");
        await flow.Send("talk to a human").AssertReply(_ => { }, "handoff.initiate").AssertReplyMatches(".")
            .SendEvent("handoff.status", new { state = "completed" }).AssertNoReply()
            .Send(Status(flow, "failed", fromId: TestFlow.UserId, role: "user")).AssertNoReply()
            // Direct Line stamps role "user" on whatever a client posts, even when it names itself after the hub.
            .Send(Status(flow, "completed", role: "user")).AssertNoReply()
            .StartTestAsync();

        var handoff = Assert.Single(await _host.HandoffsAsync(flow.ConversationId));
        Assert.Equal((HandoffStatus.External, (DateTimeOffset?)null), (handoff.Status, handoff.ClosedAt));
        Assert.DoesNotContain(await _host.EventsAsync(flow.ConversationId), e => e.Type is "handoff_resolved" or "offline_ticket_created" or "agent_assigned");
    }

    [Fact]
    public async Task External_mode_without_the_hubs_id_does_not_start()
    {
        await using var host = await ConversationTestHost.StartAsync(s => s.Configure<HandoffOptions>(o => o.Mode = "External"));

        // What ValidateOnStart runs when the web host starts.
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<HandoffOptions>>().Value);

        Assert.Contains("Handoff:Mode=External needs Handoff:ExternalHubIds", error.Message);
    }
}
