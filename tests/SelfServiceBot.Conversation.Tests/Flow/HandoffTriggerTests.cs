using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Handoff;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>
/// Each configured trigger, as a conversation in English and in Chinese. Nobody is online in this host, so every
/// hand-off ends as an offline ticket; the reason recorded on it tells which trigger fired.
/// </summary>
public sealed class HandoffTriggerTests(HandoffTriggerTests.Fixture fixture) : IClassFixture<HandoffTriggerTests.Fixture>
{
    private const string EnglishTicket = @"^No one is available to chat right now\. .*your reference is H-[2-9A-Z]{5}\.$";
    private const string ChineseTicket = "^目前没有在线的人工客服。.*您的编号是 H-[2-9A-Z]{5}。$";

    [Fact]
    public async Task English_two_questions_without_an_answer_in_a_row_hand_off_for_low_confidence()
    {
        var flow = fixture.Host.Flow(Channels.WebChat, "en-US");
        await flow.Send("What is the meaning of life?").AssertReplyContains("I couldn't find an answer to that")
            .Send("Why is the sky blue?").AssertReplyMatches(EnglishTicket)
            .StartTestAsync();

        Assert.Equal(HandoffReasons.LowConfidence, (await Single(flow)).Reason);
    }

    [Fact]
    public async Task Chinese_two_questions_without_an_answer_in_a_row_hand_off_for_low_confidence()
    {
        var flow = fixture.Host.Flow(Channels.WebChat, "zh-CN");
        await flow.Send("火星上有生命吗？").AssertReplyContains("抱歉，我没有找到相关答案")
            .Send("天空为什么是蓝色的？").AssertReplyMatches(ChineseTicket)
            .StartTestAsync();

        Assert.Equal(HandoffReasons.LowConfidence, (await Single(flow)).Reason);
    }

    [Theory]
    [InlineData("en-US", "How do I track my order?", "No", "Ask something else", "What is the meaning of life?", EnglishTicket)]
    [InlineData("zh-CN", "我的订单到哪里了？", "否", "换个问题", "火星上有生命吗？", ChineseTicket)]
    public async Task After_a_No_the_next_failure_hands_off_for_negative_feedback(string locale, string question, string no, string askElse, string unknown, string ticket)
    {
        var flow = fixture.Host.Flow(Channels.WebChat, locale);
        await flow.Send(question).Send(no).Send(askElse).Send(unknown).AssertLastReplyMatches(ticket).StartTestAsync();

        var handoff = await Single(flow);
        Assert.Equal(HandoffReasons.NegativeFeedback, handoff.Reason);
        Assert.Equal("orders", handoff.Category);
    }

    [Theory]
    [InlineData("en-US", "How do I change my password?", EnglishTicket)]
    [InlineData("zh-CN", "如何修改密码？", ChineseTicket)]
    public async Task A_question_in_an_always_human_category_goes_to_a_person_without_an_answer(string locale, string question, string ticket)
    {
        var flow = fixture.Host.Flow(Channels.WebChat, locale);
        await flow.Send(question).AssertReplyMatches(ticket).AssertNoReply().StartTestAsync();

        var handoff = await Single(flow);
        Assert.Equal((HandoffReasons.Policy, "account"), (handoff.Reason, handoff.Category));
    }

    [Fact]
    public async Task An_answer_that_helped_suggests_no_related_question_of_an_always_human_category()
    {
        // "Where can I see my past orders?" names track-order, invoice and create-account (account, always a person here).
        var flow = fixture.Host.Flow(Channels.WebChat, "en-US");

        await flow.Send("Where can I see my past orders?").AssertAnswer("")
            .Send("Yes").AssertReply("Great, glad I could help! Is there anything else you'd like to know?",
                "How do I track my order?", "How do I get an invoice for my order?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en-US", "How do I track my order?", "Yes", "How long does delivery take?", EnglishTicket)]
    [InlineData("zh-CN", "我的订单到哪里了？", "是", "配送需要多长时间？", ChineseTicket)]
    public async Task The_message_limit_hands_a_long_conversation_to_a_person(string locale, string first, string yes, string second, string ticket)
    {
        var flow = fixture.Host.Flow(Channels.WebChat, locale);
        // The limit here is 4 messages: the fifth, a question, goes to a person.
        await flow.Send(first).Send(yes).Send(second).Send(yes).AssertLastReplyMatches(".").Send(first).AssertLastReplyMatches(ticket).StartTestAsync();

        Assert.Equal(HandoffReasons.Policy, (await Single(flow)).Reason);
    }

    [Fact]
    public async Task After_a_cancelled_message_limit_hand_off_the_next_question_is_answered_again()
    {
        await using var host = await ConversationTestHost.StartAsync(services => services
            .Configure<HandoffTriggerOptions>(o => o.MessageLimit = 3)
            .Configure<HandoffOptions>(o => o.AutoAssign = false));
        var agents = host.Services.GetRequiredService<SelfServiceBot.Handoff.Agents.AgentDirectory>();
        await agents.EnsureAsync("anna", "Anna", default);
        await agents.SetPresenceAsync("anna", "online", default);
        var flow = host.Flow(Channels.WebChat, "en-US");

        await flow.Send("How do I track my order?").Send("Yes")
            .Send("How long does delivery take?").AssertLastReplyMatches("next in line")
            .Send("cancel").AssertLastReplyMatches("^OK, I've cancelled the request")
            .Send("How do I track my order?").AssertReplyContains("track your order")
            .StartTestAsync();

        Assert.Equal(HandoffReasons.Policy, Assert.Single(await host.HandoffsAsync(flow.ConversationId)).Reason);
    }

    private async Task<SelfServiceBot.Handoff.Storage.HandoffRequestRecord> Single(TestFlow flow) => Assert.Single(await fixture.Host.HandoffsAsync(flow.ConversationId));

    public sealed class Fixture : IAsyncLifetime
    {
        private ConversationTestHost? _host;

        public ConversationTestHost Host => _host!;

        public async Task InitializeAsync() => _host = await ConversationTestHost.StartAsync(services => services.Configure<HandoffTriggerOptions>(o =>
        {
            o.AlwaysHumanCategories = ["account"];
            o.MessageLimit = 5;
        }));

        public async Task DisposeAsync() => await _host!.DisposeAsync();
    }
}
