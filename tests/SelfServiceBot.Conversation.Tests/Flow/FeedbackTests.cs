using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Tests.Infrastructure;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>The answer carries its own "Did this answer your question?": a typed reply to it counts as much as a button.</summary>
public sealed class FeedbackTests(ConversationHostFixture fixture) : IClassFixture<ConversationHostFixture>
{
    private ConversationTestHost Host => fixture.Host;

    [Theory]
    [InlineData("en-US", "How do I track my order?", "Yes", true)]
    [InlineData("en-US", "How do I track my order?", "yes", true)]
    [InlineData("en-US", "How do I track my order?", "yes thanks", true)]
    [InlineData("en-US", "How do I track my order?", "No", false)]
    [InlineData("en-US", "How do I track my order?", "no", false)]
    [InlineData("en-US", "How do I track my order?", "nope", false)]
    [InlineData("zh-CN", "我的订单到哪里了？", "是", true)]
    [InlineData("zh-CN", "我的订单到哪里了？", "是的", true)]
    [InlineData("zh-CN", "我的订单到哪里了？", "否", false)]
    [InlineData("zh-CN", "我的订单到哪里了？", "不是", false)]
    public async Task A_typed_yes_or_no_after_an_answer_is_feedback_on_it(string locale, string question, string typed, bool helpful)
    {
        var texts = locale == "zh-CN"
            ? (Prompt: "这个回答解决您的问题了吗？", Yes: "是", No: "否", Thanks: "太好了，很高兴能帮到您！还有其他问题吗？", NotHelpful: "抱歉没能帮到您。需要转人工客服吗？")
            : (Prompt: "Did this answer your question?", Yes: "Yes", No: "No", Thanks: "Great, glad I could help! Is there anything else you'd like to know?", NotHelpful: "Sorry that didn't help. Would you like to talk to a person?");
        var flow = Host.Flow(Channels.DirectLine, locale);

        await flow.Send(question).AssertAnswer("", texts.Prompt, texts.Yes, texts.No)
            .Send(typed).AssertReply(helpful ? texts.Thanks : texts.NotHelpful)
            .StartTestAsync();

        var events = await Host.EventsAsync(flow.ConversationId);
        var feedback = Assert.Single(events, e => e.Type == ConversationEventTypes.Feedback);
        Assert.Equal(Assert.Single(events, e => e.Type == ConversationEventTypes.AnswerShown).ArticleId, feedback.ArticleId);
        Assert.Contains($"\"helpful\":{(helpful ? "true" : "false")}", feedback.DataJson);
    }

    [Theory]
    [InlineData("en-US", "How do I track my order?", "Yes", "How do I cancel my order?", "cancel",
        "How long does delivery take?|How do I cancel my order?|My order says delivered but I haven't received it. What should I do?")]
    [InlineData("zh-CN", "我的订单到哪里了？", "是", "怎么修改收货地址？", "地址", "配送需要多长时间？|显示已签收但我没收到包裹怎么办？|怎么修改收货地址？")]
    public async Task After_an_answer_helped_its_related_questions_are_suggested_and_a_click_answers_one(
        string locale, string question, string yes, string pick, string fragment, string related)
    {
        var thanks = locale == "zh-CN" ? "太好了，很高兴能帮到您！还有其他问题吗？" : "Great, glad I could help! Is there anything else you'd like to know?";
        var prompt = locale == "zh-CN" ? "这个回答解决您的问题了吗？" : "Did this answer your question?";
        var (yesLabel, noLabel) = locale == "zh-CN" ? ("是", "否") : ("Yes", "No");
        var flow = Host.Flow(Channels.DirectLine, locale);

        await flow.Send(question).AssertAnswer("", prompt, yesLabel, noLabel)
            .Send(yes).AssertReply(thanks, related.Split('|'))
            .Send(pick).AssertAnswer(fragment, prompt, yesLabel, noLabel)
            .StartTestAsync();

        // The follow-up's answer was suggested, not searched for: no confidence, and its event says so.
        var answers = (await Host.EventsAsync(flow.ConversationId)).Where(e => e.Type == ConversationEventTypes.AnswerShown).ToList();
        Assert.Equal(2, answers.Count);
        Assert.NotNull(answers[0].Confidence);
        Assert.Null(answers[1].Confidence);
        Assert.Contains("\"via\":\"related\"", answers[1].DataJson);
    }
}
