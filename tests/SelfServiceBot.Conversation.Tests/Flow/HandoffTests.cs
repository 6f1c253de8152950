using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Tests.Infrastructure;

namespace SelfServiceBot.Conversation.Tests.Flow;

public sealed class HandoffTests(ConversationHostFixture fixture) : IClassFixture<ConversationHostFixture>
{
    private ConversationTestHost Host => fixture.Host;

    [Theory]
    [InlineData("agent")]
    [InlineData("Agent please")]
    [InlineData("human")]
    [InlineData("talk to a human")]
    [InlineData("I want to talk to a human")]
    [InlineData("Can I speak to someone?")]
    [InlineData("real person please")]
    [InlineData("let me chat with a live agent")]
    [InlineData("connect me to customer service representative")]
    [InlineData("Talk to a person")]
    public async Task An_english_request_for_a_person_is_recorded_and_answered_honestly(string text)
    {
        var flow = Host.Flow(Channels.WebChat, "en-US");
        await flow.Send(text)
            .AssertReplyMatches(@"^I've recorded your request to talk to a person \(reference H-[2-9A-Z]{5}\)\. Live agents aren't connected to this chat yet")
            .StartTestAsync();

        var handoff = Assert.Single(await Host.HandoffsAsync(flow.ConversationId));
        Assert.Equal(HandoffReasons.ExplicitRequest, handoff.Reason);
        Assert.Contains(handoff.Reference, flow.LastReply!.Text);
        Assert.Equal(text, handoff.LastCustomerText);
        Assert.Equal("en", handoff.Locale);
    }

    [Theory]
    [InlineData("人工")]
    [InlineData("转人工")]
    [InlineData("人工客服")]
    [InlineData("我要找真人")]
    [InlineData("请帮我转接客服人员")]
    [InlineData("我想联系客服")]
    public async Task A_chinese_request_for_a_person_is_recorded_and_answered_in_chinese(string text)
    {
        var flow = Host.Flow(Channels.WebChat, "zh-CN");
        await flow.Send(text)
            .AssertReplyMatches("^已为您记录转人工请求（编号 H-[2-9A-Z]{5}）。目前人工客服尚未接入本聊天")
            .StartTestAsync();

        Assert.Equal(HandoffReasons.ExplicitRequest, Assert.Single(await Host.HandoffsAsync(flow.ConversationId)).Reason);
    }

    [Theory]
    [InlineData("How do I track my order?")]
    [InlineData("Can someone else collect my parcel for me tomorrow?")]
    [InlineData("What payment methods do you accept?")]
    [InlineData("我的订单到哪里了？")]
    [InlineData("怎么退货？")]
    public void Ordinary_questions_are_not_requests_for_a_person(string text)
    {
        Assert.False(HandoffPhrases.IsRequest(text));
    }

    [Fact]
    public async Task The_request_carries_the_transcript_so_far_and_the_last_question()
    {
        var flow = Host.Flow();
        await flow.Send("How do I cancel my order?").Send("No").Send("Talk to a person").StartTestAsync();

        var handoff = Assert.Single(await Host.HandoffsAsync(flow.ConversationId));
        Assert.Equal(HandoffReasons.NegativeFeedback, handoff.Reason);
        Assert.Equal("How do I cancel my order?", handoff.LastCustomerText);
        var record = JsonDocument.Parse(handoff.TranscriptJson!).RootElement;
        var lines = record.GetProperty("transcript").EnumerateArray().Select(l => $"{l.GetProperty("from").GetString()}: {l.GetProperty("text").GetString()}").ToList();
        Assert.Equal("user: How do I cancel my order?", lines[0]);
        Assert.Contains("bot: Sorry that didn't help. Would you like to talk to a person?", lines);
        Assert.Equal("user: Talk to a person", lines[^1]);
        Assert.Equal("cancel-order", record.GetProperty("lastArticleId").GetString());
        Assert.Equal(TestFlow.ServiceUrl, record.GetProperty("reference").GetProperty("serviceUrl").GetString());
    }

    [Fact]
    public async Task Asking_again_repeats_the_same_reference_instead_of_queueing_twice()
    {
        var flow = Host.Flow();
        await flow.Send("agent")
            .AssertReplyContains("reference H-")
            .Send("human please")
            .AssertReplyContains("already recorded")
            .StartTestAsync();

        var handoff = Assert.Single(await Host.HandoffsAsync(flow.ConversationId));
        Assert.Contains(handoff.Reference, flow.LastReply!.Text);
    }
}
