using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Customers;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>A live hand-off with an agent online: the queue, the relay (the bot stays quiet), the hand-back and the rating, cancel.</summary>
public sealed class LiveHandoffTests : IAsyncLifetime
{
    private readonly Messenger _sent = new();
    private readonly TypingNotifier _typing = new();
    private ConversationTestHost _host = null!;

    private HandoffDesk Desk => _host.Services.GetRequiredService<HandoffDesk>();

    public async Task InitializeAsync()
    {
        _host = await ConversationTestHost.StartAsync(s =>
        {
            s.AddSingleton<ICustomerMessenger>(_sent);
            s.AddSingleton<IHandoffNotifier>(_typing);
            s.Configure<HandoffOptions>(o => o.AutoAssign = false);
        });
        var agents = _host.Services.GetRequiredService<AgentDirectory>();
        await agents.EnsureAsync("anna", "Anna", default);
        await agents.SetPresenceAsync("anna", AgentPresence.Online, default);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("en-US", "talk to a human", "^I'm connecting you with a person\\. You're next in line, about 6 minutes\\.", "Thank you for your rating!")]
    [InlineData("zh-CN", "转人工", "^正在为您转接人工客服。下一位就是您，预计等待约 6 分钟。", "感谢您的评分！")]
    public async Task The_bot_queues_stays_quiet_while_a_person_talks_then_takes_back_and_asks_for_a_rating(
        string locale, string request, string queued, string thanks)
    {
        var flow = _host.Flow(Channels.WebChat, locale);
        await flow.Send(request).AssertReplyMatches(queued).StartTestAsync();
        var handoff = Assert.Single(await _host.HandoffsAsync(flow.ConversationId));
        Assert.Equal(locale == "en-US" ? "Cancel" : "取消", TestFlow.SuggestedActionTitles(flow.LastReply!).Single());

        await flow.Send("still there?").AssertReplyMatches(queued).StartTestAsync();
        Assert.True(await Desk.ClaimAsync(handoff.Id, "anna", default));
        await flow.Send("My parcel is damaged").AssertNoReply().Send("restart").AssertNoReply().StartTestAsync();
        Assert.True(await Desk.SendAgentMessageAsync(handoff.Id, "anna", "Sorry to hear that, I'll send a new one.", default));
        Assert.True(await Desk.ResolveAsync(handoff.Id, "anna", new Disposition("damaged", true, null), default));
        await flow.Send("4").AssertReply(thanks).Send(locale == "en-US" ? "How do I track my order?" : "我的订单到哪里了？").AssertReplyContains(locale == "en-US" ? "track" : "订单").StartTestAsync();

        Assert.Equal(["still there?", "My parcel is damaged", "restart"],
            (await Desk.MessagesAsync(handoff.Id, default)).Where(m => m.From == "customer").Select(m => m.Text));
        Assert.Equal(4, (await Desk.FindAsync(handoff.Id, default))!.Rating);
        Assert.Equal(4, _sent.To(flow.ConversationId).Count);
        Assert.Contains(await _host.EventsAsync(flow.ConversationId), e => e.Type == "csat_given");
    }

    [Fact]
    public async Task An_agents_message_goes_to_the_customer_as_plain_text()
    {
        var flow = _host.Flow(Channels.WebChat);
        await flow.Send("talk to a human").AssertReplyMatches(".").StartTestAsync();
        var handoff = Assert.Single(await _host.HandoffsAsync(flow.ConversationId));
        Assert.True(await Desk.ClaimAsync(handoff.Id, "anna", default));

        Assert.True(await Desk.SendAgentMessageAsync(handoff.Id, "anna", "<b>hi</b> **there**", default));

        var sent = _sent.To(flow.ConversationId).Single(a => a.Text == "<b>hi</b> **there**");
        Assert.Equal(TextFormats.Plain, sent.TextFormat);
    }

    [Theory]
    [InlineData("en-US", "agent", "cancel", "OK, I've cancelled the request.")]
    [InlineData("zh-CN", "人工客服", "取消", "好的，已取消转人工。")]
    public async Task A_waiting_customer_can_cancel_and_the_bot_answers_again(string locale, string request, string cancel, string cancelled)
    {
        var flow = _host.Flow(Channels.WebChat, locale);
        await flow.Send(request).AssertReplyMatches(".").Send(cancel).AssertReplyContains(cancelled).StartTestAsync();

        var handoff = Assert.Single(await _host.HandoffsAsync(flow.ConversationId));
        Assert.Equal(HandoffStatus.Cancelled, handoff.Status);
        Assert.Contains(await _host.EventsAsync(flow.ConversationId), e => e.Type == "handoff_cancelled");
        Assert.False(await Desk.ClaimAsync(handoff.Id, "anna", default));
    }

    [Fact]
    public async Task The_customer_typing_reaches_the_agent_who_owns_the_chat_and_nobody_before()
    {
        var flow = _host.Flow(Channels.WebChat, "en-US");
        await flow.Send("agent").AssertReplyMatches(".").Send(flow.NewActivity(ActivityTypes.Typing, _ => { })).AssertNoReply().StartTestAsync();
        var handoff = Assert.Single(await _host.HandoffsAsync(flow.ConversationId));
        Assert.Empty(_typing.Typing);

        await Desk.ClaimAsync(handoff.Id, "anna", default);
        await flow.Send(flow.NewActivity(ActivityTypes.Typing, _ => { })).AssertNoReply().StartTestAsync();

        Assert.Equal([(handoff.Id, "anna")], _typing.Typing);
    }

    private sealed class TypingNotifier : IHandoffNotifier
    {
        public ConcurrentQueue<(long, string?)> Typing { get; } = new();
        public Task QueueChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task HandoffChangedAsync(long handoffId, string? agentId, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task CustomerMessageAsync(long handoffId, string? agentId, string text, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task PresenceChangedAsync(string agentId, string presence, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task CustomerTypingAsync(long handoffId, string? agentId, CancellationToken cancellationToken)
        {
            Typing.Enqueue((handoffId, agentId));
            return Task.CompletedTask;
        }
    }

    private sealed class Messenger : ICustomerMessenger
    {
        private readonly ConcurrentQueue<(string Conversation, Activity Activity)> _sent = new();

        public IReadOnlyList<Activity> To(string conversationId) => _sent.Where(s => s.Conversation == conversationId).Select(s => s.Activity).ToList();

        public Task SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
        {
            _sent.Enqueue((reference.Conversation!.Id!, activity));
            return Task.CompletedTask;
        }
    }
}
