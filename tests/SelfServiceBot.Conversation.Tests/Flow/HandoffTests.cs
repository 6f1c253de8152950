using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
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
    public async Task An_english_request_for_a_person_with_nobody_online_becomes_an_offline_ticket(string text)
    {
        var flow = Host.Flow(Channels.WebChat, "en-US");
        await flow.Send(text)
            .AssertReplyMatches(@"^No one is available to chat right now\. Leave an e-mail address or phone number and we'll get back to you; your reference is H-[2-9A-Z]{5}\.$")
            .StartTestAsync();

        var handoff = Assert.Single(await Host.HandoffsAsync(flow.ConversationId));
        Assert.Equal(HandoffReasons.ExplicitRequest, handoff.Reason);
        Assert.Contains(handoff.Reference, flow.LastReply!.Text);
        Assert.Equal(text, handoff.LastCustomerText);
        Assert.Equal("en", handoff.Locale);
        Assert.Equal("offline", handoff.Status);
        // The desk is done with it when it is made (the team follows up outside): closed, so retention counts from here.
        Assert.NotNull(handoff.ClosedAt);
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
            .AssertReplyMatches("^目前没有在线的人工客服。请留下您的电子邮箱或电话，我们会与您联系；您的编号是 H-[2-9A-Z]{5}。$")
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
        var lines = JsonDocument.Parse(handoff.TranscriptJson!).RootElement.EnumerateArray().Select(l => $"{l.GetProperty("from").GetString()}: {l.GetProperty("text").GetString()}").ToList();
        Assert.Equal("user: How do I cancel my order?", lines[0]);
        // The answer and its question are one message to the customer, and two lines here: the answer stays clean.
        Assert.StartsWith("bot: ", lines[1]);
        Assert.DoesNotContain("Did this answer", lines[1]);
        Assert.Equal(["bot: Did this answer your question?", "user: No"], lines[2..4]);
        Assert.Contains("bot: Sorry that didn't help. Would you like to talk to a person?", lines);
        Assert.Equal("user: Talk to a person", lines[^1]);
        Assert.Equal("cancel-order", handoff.LastArticleId);
        Assert.Equal("orders", handoff.Category);
        Assert.Equal(["cancel-order"], JsonSerializer.Deserialize<string[]>(handoff.OfferedArticlesJson!)!);
        Assert.Equal(TestFlow.ServiceUrl, JsonDocument.Parse(handoff.ConversationReferenceJson!).RootElement.GetProperty("serviceUrl").GetString());
    }

    [Fact]
    public async Task Asking_again_repeats_the_same_reference_instead_of_making_a_second_ticket()
    {
        var flow = Host.Flow();
        await flow.Send("agent")
            .AssertReplyContains("your reference is H-")
            .Send("human please")
            .AssertReplyContains("your reference is H-")
            .StartTestAsync();

        var handoff = Assert.Single(await Host.HandoffsAsync(flow.ConversationId));
        Assert.Contains(handoff.Reference, flow.LastReply!.Text);
    }
}
