using Microsoft.Playwright;
using SelfServiceBot.AI.Tests.Chat;
using SelfServiceBot.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;
using static SelfServiceBot.Web.Tests.Conversation.GroundedAnswers.GroundedAnswerServer;

namespace SelfServiceBot.Web.Tests.Conversation.GroundedAnswers;

/// <summary>The chat page (the official Web Chat) in headless chromium, with the model behind the local chat stub.</summary>
public sealed class GroundedAnswerBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    private ChatCompletionsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ChatCompletionsStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Web_Chat_shows_the_generated_answer_and_the_cited_articles_title_as_its_citation()
    {
        _stub.Reply(new StubReply("Sign in and open My account > Orders, then select Track package [1]."));
        using var app = Start(_stub);
        var page = await chromium.NewPageAsync("en-US");
        await page.GotoAsync(app.BaseAddress.ToString());
        await Expect(page.Locator(BotBubble).First).ToBeVisibleAsync();

        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync("How do I track my order?");
        await input.PressAsync("Enter");

        var answer = page.Locator("article").Filter(new() { Has = page.Locator(BotBubble, new() { HasText = "then select Track package" }) });
        await Expect(answer).ToHaveCountAsync(1);
        // The [1] in the text is Web Chat's citation button, and the link definition its list of references.
        await Expect(answer.Locator("button.webchat__render-markdown__citation")).ToHaveAttributeAsync("aria-label", $"1 {TrackOrderTitle}");
        var reference = answer.Locator(".webchat__link-definitions__list-item");
        await Expect(reference).ToHaveTextAsync($"1{TrackOrderTitle}");
        await Expect(answer.Locator(".webchat__stacked-layout__attachment-row " + BotBubble)).ToHaveTextAsync("Did this answer your question?");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SignInBrowserTests.ScreenshotFolder, "chat-grounded-answer-en.png") });

        // Clicked, a reference opens the cited article in Web Chat's citation dialog.
        await reference.Locator("button").ClickAsync();
        await Expect(page.Locator(".webchat__citation-modal-dialog")).ToContainTextAsync("Tracking can take up to 24 hours");
    }
}
