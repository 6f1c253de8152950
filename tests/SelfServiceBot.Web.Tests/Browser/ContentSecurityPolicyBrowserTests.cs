using Microsoft.Playwright;
using SelfServiceBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>What the Content-Security-Policy buys: a script that gets into a page (say through a rendered answer) does not run.</summary>
public class ContentSecurityPolicyBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    public async Task An_injected_inline_script_does_not_run_and_the_browser_reports_it(string path)
    {
        using var app = new AppServer();
        // A context of its own: the violation provoked here is not one the fixture should hold against the class.
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await Expect(page.Locator("h1")).ToBeVisibleAsync();

        // Evaluate itself runs through the DevTools protocol, outside the page's policy; the script element it adds does not.
        var ran = true;
        var report = await page.RunAndWaitForConsoleMessageAsync(async () => ran = await page.EvaluateAsync<bool>("""
            () => {
              const script = document.createElement('script');
              script.textContent = 'window.injected = true;';
              document.head.append(script);
              return window.injected === true;
            }
            """), new() { Predicate = m => m.Text.Contains("Content Security Policy", StringComparison.Ordinal) });

        Assert.False(ran);
        Assert.Contains("script-src 'self'", report.Text);
    }
}
