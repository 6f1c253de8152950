using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Tests.Infrastructure;

namespace SelfServiceBot.Conversation.Tests.Flow;

public sealed class ConversationFlowTests(ConversationHostFixture fixture) : IClassFixture<ConversationHostFixture>
{
    private const string WelcomeEn = "Hi! I'm the SelfService support assistant. Ask me about orders, delivery, returns, payment or your account.";
    private const string WelcomeZh = "您好！我是自助客服助手。您可以问我订单、配送、退货、支付或账户方面的问题。";

    private ConversationTestHost Host => fixture.Host;

    [Fact]
    public async Task Saying_hi_gets_the_welcome()
    {
        await new TestFlow(Host).Send("hi").AssertReply(WelcomeEn).StartTestAsync();
    }

    [Theory]
    [InlineData("zh-CN", WelcomeZh)]
    [InlineData("zh-TW", WelcomeZh)]
    [InlineData("zh", WelcomeZh)]
    [InlineData("en-US", WelcomeEn)]
    [InlineData("fr-FR", WelcomeEn)]
    public async Task The_language_follows_the_activity_locale(string locale, string welcome)
    {
        await Host.Flow(Channels.DirectLine, locale).SendEvent("webchat/join").AssertReply(welcome).StartTestAsync();
    }

    [Fact]
    public async Task The_join_event_value_gives_the_language_when_the_activity_has_no_locale()
    {
        var flow = Host.Flow(Channels.DirectLine);
        await flow.Send(flow.NewActivity(ActivityTypes.Event, a =>
            {
                a.Name = "webchat/join";
                a.Locale = null;
                a.Value = JsonSerializer.SerializeToElement(new { language = "zh-CN" });
            }))
            .AssertReply(WelcomeZh)
            .StartTestAsync();
    }

    [Fact]
    public async Task Suggested_actions_are_imBack_buttons_that_send_their_title()
    {
        await Host.Flow(Channels.WebChat).Send("How do I track my order?")
            .AssertReply(reply =>
            {
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
                Assert.All(reply.SuggestedActions!.Actions, a =>
                {
                    Assert.Equal(ActionTypes.ImBack, a.Type);
                    Assert.Equal(a.Title, a.Value?.GetString());
                });
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Replies_are_addressed_back_to_the_customer()
    {
        var flow = Host.Flow(Channels.WebChat, "zh-CN");
        await flow.Send("你好")
            .AssertReply(reply =>
            {
                Assert.Equal(TestFlow.UserId, reply.Recipient?.Id);
                Assert.Equal(TestFlow.BotId, reply.From?.Id);
                Assert.Equal(flow.ConversationId, reply.Conversation?.Id);
                Assert.Equal("act-1", reply.ReplyToId);
                Assert.Equal("zh-CN", reply.Locale);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_gets_one_adaptive_card_1_5_per_answer_with_submit_actions_carrying_data_objects()
    {
        await Host.Flow(Channels.MsTeams).Send("How do I track my order?")
            .AssertReply(reply =>
            {
                var card = Card(reply);
                Assert.Equal("1.5", card.GetProperty("version").GetString());
                var body = card.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToList();
                Assert.Equal("How do I track my order?", body[0]);
                Assert.Contains("track your order", body[1]);
                Assert.Equal(["Did this answer your question?"], body[2..]);
                Assert.Null(reply.SuggestedActions);
                var actions = card.GetProperty("actions").EnumerateArray().ToList();
                Assert.All(actions, a => Assert.Equal("Action.Submit", a.GetProperty("type").GetString()));
                Assert.Equal(["Yes", "No"], actions.Select(a => a.GetProperty("title").GetString()));
                var data = actions[0].GetProperty("data");
                Assert.Equal("feedback", data.GetProperty("action").GetString());
                Assert.True(data.GetProperty("helpful").GetBoolean());
                Assert.Equal("track-order", data.GetProperty("articleId").GetString());
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task A_state_change_is_in_the_database_so_a_second_instance_continues_the_conversation()
    {
        var first = Host.Flow(Channels.WebChat);
        await first.Send("How do I track my order?").AssertAnswer("track your order").StartTestAsync();
        var stored = await Host.StateAsync(Channels.WebChat, first.ConversationId);
        Assert.NotNull(stored);
        Assert.Contains("AwaitingFeedback", stored.Json);

        await using var second = await ConversationTestHost.StartAsync(sharedDatabaseDirectory: Host.DatabaseDirectory);
        var no = first.NewActivity(ActivityTypes.Message, a => { a.Id = "from-instance-2"; a.Text = "No"; });
        var flow = second.Flow(Channels.WebChat);
        await flow.Send(no).AssertReply("Sorry that didn't help. Would you like to talk to a person?").StartTestAsync();

        Assert.True((await Host.StateAsync(Channels.WebChat, first.ConversationId))!.Version > stored.Version);
    }

    [Fact]
    public async Task End_of_conversation_clears_the_state_and_reports_the_end()
    {
        var flow = Host.Flow();
        await flow.Send("How do I track my order?").SendEndOfConversation().StartTestAsync();

        var state = await Host.StateAsync(Channels.Test, flow.ConversationId);
        Assert.DoesNotContain("AwaitingFeedback", state!.Json);
        Assert.Contains(await Host.EventsAsync(flow.ConversationId),
            e => e is { Type: ConversationEventTypes.ConversationEnded, Reason: "end_of_conversation" });
    }

    [Fact]
    public async Task Activities_the_bot_has_nothing_to_say_to_leave_no_trace()
    {
        var flow = Host.Flow(Channels.MsTeams);
        await flow.SendConversationUpdate(userAdded: false)
            .Send(flow.NewActivity(ActivityTypes.MessageReaction, _ => { }))
            .SendEvent("some/other-event")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Null(await Host.StateAsync(Channels.MsTeams, flow.ConversationId));
        Assert.Empty(await Host.EventsAsync(flow.ConversationId));
    }

    private static JsonElement Card(Activity reply)
    {
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        return attachment.Content!.Value;
    }
}
