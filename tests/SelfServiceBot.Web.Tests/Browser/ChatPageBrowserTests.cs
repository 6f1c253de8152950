using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>The chat page at / in headless chromium: the official Web Chat over this app's own Direct Line.</summary>
public class ChatPageBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    [Fact]
    public async Task The_page_renders_and_a_sent_message_is_echoed_and_answered_by_the_bot()
    {
        using var app = new AppServer();
        var page = await chromium.NewPageAsync("en-US");
        await page.GotoAsync(app.BaseAddress.ToString());

        await Expect(page.Locator("h1")).ToHaveTextAsync("Support");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        await SendAsync(page, "hello there");

        var mine = page.Locator("article").Filter(new() { Has = page.Locator(".webchat__bubble--from-user", new() { HasText = "hello there" }) });
        // "Sending" turns into a time only when the server's echo arrives; without it Web Chat shows "Send failed".
        await Expect(mine.Locator(".webchat__activity-status")).ToContainTextAsync("Just now");
        var answer = page.Locator($"article:has(.webchat__bubble--from-user:has-text('hello there')) ~ article:has({BotBubble})");
        await Expect(answer.First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_Chinese_browser_gets_the_page_in_Chinese()
    {
        using var app = new AppServer();
        var page = await chromium.NewPageAsync("zh-CN");
        await page.GotoAsync(app.BaseAddress.ToString());

        await Expect(page.Locator("h1")).ToHaveTextAsync("客户支持");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByPlaceholder("请输入您的问题")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_Chinese_customer_who_types_a_wrong_homophone_is_still_answered()
    {
        using var app = new AppServer();
        var page = await chromium.NewPageAsync("zh-CN");
        await page.GotoAsync(app.BaseAddress.ToString());

        await Expect(page.Locator(BotBubble).First).ToBeVisibleAsync();
        // 取笑 ("to mock") for 取消 ("to cancel"): the same syllables, the character next to it in the input method.
        await SendAsync(page, "我要取笑订单");

        await Expect(page.Locator(BotBubble, new() { HasText = "订单在发货前都可以取消" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_join_event_reaches_the_bot_and_a_clicked_suggested_action_is_sent_as_a_message()
    {
        using var app = new AppServer(services: s => s.AddSingleton<IBot, ScriptedBot>());
        var page = await chromium.NewPageAsync("en-US");
        await page.GotoAsync(app.BaseAddress.ToString());

        await Expect(page.Locator(BotBubble, new() { HasText = ScriptedBot.Welcome }).First).ToBeVisibleAsync();
        await SuggestedAction(page, "No").ClickAsync();

        await Expect(page.Locator(".webchat__bubble--from-user", new() { HasText = "No" }).First).ToBeVisibleAsync();
        await Expect(page.Locator(BotBubble, new() { HasText = "You picked: No" }).First).ToBeVisibleAsync();
    }

    /// <summary>
    /// The real bot end to end: welcome on join, a knowledge answer with its question, feedback (the No button, or "No"
    /// typed), the offer of a person.
    /// </summary>
    [Theory]
    [InlineData("en-US", "How do I track my order?", "track your order", "Did this answer your question?", "No", null, "Would you like to talk to a person?")]
    [InlineData("zh-CN", "我的订单到哪里了？", "查询订单物流", "这个回答解决您的问题了吗？", "否", "不是", "需要转人工客服吗？")]
    public async Task Flow_a_customer_asks_how_to_track_an_order_says_No_and_is_offered_a_person(
        string locale, string question, string answerText, string prompt, string noButton, string? typed, string offer)
    {
        using var app = new AppServer();
        var page = await chromium.NewPageAsync(locale);
        await page.GotoAsync(app.BaseAddress.ToString());

        await Expect(page.Locator(BotBubble).First).ToBeVisibleAsync();
        await SendAsync(page, question);
        // One activity: the answer's bubble, then the question's bubble under it, with one timestamp.
        var answer = page.Locator("article").Filter(new() { Has = page.Locator(BotBubble, new() { HasText = answerText }) });
        await Expect(answer).ToHaveCountAsync(1);
        var promptBubble = answer.Locator(".webchat__stacked-layout__attachment-row " + BotBubble);
        await Expect(promptBubble).ToHaveTextAsync(prompt);
        await Expect(answer.Locator(".webchat__activity-status")).ToHaveCountAsync(1);
        // chat.css sizes the question's bubble to its text, as a message's, not to the width Web Chat gives a card.
        var answerBox = await answer.Locator(".webchat__stacked-layout__message-row " + BotBubble).BoundingBoxAsync();
        var promptBox = await promptBubble.BoundingBoxAsync();
        Assert.True(promptBox!.Width < answerBox!.Width, $"the question's bubble is {promptBox.Width} px wide, the answer's {answerBox.Width} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, $"chat-answer-{locale}.png") });
        await Expect(SuggestedAction(page, noButton)).ToBeVisibleAsync();
        if (typed is null)
        {
            await SuggestedAction(page, noButton).ClickAsync();
        }
        else
        {
            await SendAsync(page, typed);
        }

        await Expect(page.Locator(".webchat__bubble--from-user", new() { HasText = typed ?? noButton }).First).ToBeVisibleAsync();
        await Expect(page.Locator(BotBubble, new() { HasText = offer }).First).ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, $"chat-offer-{locale}.png") });
    }

    /// <summary>
    /// A question the knowledge base can answer but not with confidence (its article ranked first at 20-35, which used to
    /// be "no match" and an offer of a person): the likely articles are offered, the customer picks one and gets its answer.
    /// </summary>
    [Theory]
    [InlineData("en-US", "if I order a present on the 20th will it arrive by the 25th", "Did you mean one of these?",
        "How long does delivery take?", "3-5 working days")]
    [InlineData("zh-CN", "你们送货速度怎么样", "您是想问以下哪个问题", "配送需要多长时间？", "配送时间取决于您下单时选择的配送方式")]
    public async Task Flow_a_customer_the_bot_is_unsure_about_is_offered_the_likely_articles_and_picks_one(
        string locale, string question, string didYouMean, string choice, string answerText)
    {
        using var app = new AppServer();
        var page = await chromium.NewPageAsync(locale);
        await page.GotoAsync(app.BaseAddress.ToString());

        await Expect(page.Locator(BotBubble).First).ToBeVisibleAsync();
        await SendAsync(page, question);
        await Expect(page.Locator(BotBubble, new() { HasText = didYouMean }).First).ToBeVisibleAsync();
        await Expect(SuggestedAction(page, choice)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, $"chat-did-you-mean-{locale}.png") });
        await SuggestedAction(page, choice).ClickAsync();

        await Expect(page.Locator(BotBubble, new() { HasText = answerText }).First).ToBeVisibleAsync();
    }

    /// <summary>
    /// Once an answer helped, the bot suggests the article's related questions (question answering's follow-up prompts); a
    /// click answers one.
    /// </summary>
    [Theory]
    [InlineData("en-US", "How do I track my order?", "Yes", "Is there anything else you", "How do I cancel my order?", "Did this answer your question?")]
    [InlineData("zh-CN", "我的订单到哪里了？", "是", "还有其他问题吗？", "怎么修改收货地址？", "这个回答解决您的问题了吗？")]
    public async Task Flow_a_customer_whose_answer_helped_picks_a_related_question_and_gets_its_answer(
        string locale, string question, string yes, string anythingElse, string related, string prompt)
    {
        using var app = new AppServer();
        var page = await chromium.NewPageAsync(locale);
        await page.GotoAsync(app.BaseAddress.ToString());

        await Expect(page.Locator(BotBubble).First).ToBeVisibleAsync();
        await SendAsync(page, question);
        await SuggestedAction(page, yes).ClickAsync();
        var thanks = page.Locator(BotBubble, new() { HasText = anythingElse }).First;
        await Expect(thanks).ToBeVisibleAsync();
        await Expect(page.Locator("button.webchat__suggested-action:visible")).ToHaveCountAsync(3);
        await thanks.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, $"chat-related-{locale}.png") });
        await SuggestedAction(page, related).ClickAsync();

        // The related question's answer, with its own "Did this answer your question?".
        await Expect(page.Locator(BotBubble, new() { HasText = prompt })).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, $"chat-related-answer-{locale}.png") });
    }

    /// <summary>Welcomes on webchat/join with Yes/No suggested actions and says what was picked.</summary>
    private sealed class ScriptedBot : IBot
    {
        public const string Welcome = "Welcome from the scripted bot.";

        public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            var activity = turn.Activity;
            if (activity is { Type: ActivityTypes.Event, Name: "webchat/join" })
            {
                await turn.SendActivityAsync(new Activity
                {
                    Text = Welcome,
                    SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Yes", "Yes"), CardAction.ImBack("No", "No")] },
                }, cancellationToken);
            }
            else if (activity.Type == ActivityTypes.Message)
            {
                await turn.SendActivityAsync(new Activity { Text = $"You picked: {activity.Text}" }, cancellationToken);
            }
        }

        public Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    // The suggested-action bar; Web Chat also renders hidden copies of the buttons for screen readers.
    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator("button.webchat__suggested-action").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(title)}$") });

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
