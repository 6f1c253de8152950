using Microsoft.Playwright;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>The sign-in pages in a real browser, in both languages; screenshots land in the test output's screenshots/ folder.</summary>
public class SignInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task An_admin_opens_the_users_page_signs_in_and_gets_there()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "root@example.com", "Correct-horse-9", StaffRoles.Admin);
        var page = await chromium.NewPageAsync("en-US");

        await page.GotoAsync(new Uri(app.BaseAddress, "/admin/users").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "sign-in-en.png") });
        await page.GetByLabel("E-mail").FillAsync("root@example.com");
        await page.GetByLabel("Password").FillAsync("Correct-horse-9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Users");
        await Expect(page.Locator("table.grid")).ToContainTextAsync("root@example.com");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "users-en.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Signed out");
    }

    [Fact]
    public async Task A_Chinese_browser_signs_in_with_a_wrong_password_and_reads_the_error_in_Chinese()
    {
        using var app = new AppServer();
        var page = await chromium.NewPageAsync("zh-CN");

        await page.GotoAsync(new Uri(app.BaseAddress, SignInExtensions.SignInPath).ToString());
        await page.GetByLabel("电子邮箱").FillAsync("nobody@example.com");
        await page.GetByLabel("密码").FillAsync("Wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.Locator(".error")).ToHaveTextAsync("电子邮箱或密码不正确。");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "sign-in-zh-error.png") });
    }
}
