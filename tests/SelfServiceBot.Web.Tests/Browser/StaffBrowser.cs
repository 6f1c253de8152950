using Microsoft.Playwright;
using SelfServiceBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>Staff in a real browser: open a page, sign in on the real sign-in form, land on the page.</summary>
internal static class StaffBrowser
{
    public const string Password = "Correct-horse-9";

    public static async Task<IPage> SignedInAsync(ChromiumFixture chromium, AppServer app, string email, string path, string locale = "en-US")
    {
        var page = await chromium.NewPageAsync(locale);
        await SignInAsync(page, app, email, path);
        return page;
    }

    public static async Task SignInAsync(IPage page, AppServer app, string email, string path)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(Password);
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await Expect(page.Locator("input[name=password]")).ToHaveCountAsync(0);
    }

    public static string Screenshot(string name) => Path.Combine(SignInBrowserTests.ScreenshotFolder, name);
}
