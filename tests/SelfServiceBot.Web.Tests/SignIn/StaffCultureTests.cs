using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

public class StaffCultureTests
{
    [Fact]
    public async Task A_Chinese_browser_gets_the_sign_in_page_in_Chinese()
    {
        using var app = new AppServer();
        using var client = new StaffClient(app, acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.5");

        var html = await (await client.GetAsync(SignInExtensions.SignInPath)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<h1>登录</h1>", html);
        Assert.Contains("电子邮箱", html);
    }

    [Fact]
    public async Task The_language_switch_overrides_the_browser_and_a_wrong_password_is_reported_in_that_language()
    {
        using var app = new AppServer();
        using var client = new StaffClient(app, acceptLanguage: "en-US");

        var switched = await client.GetAsync("/account/language?culture=zh-CN&returnUrl=%2Faccount%2Fsign-in");
        var failed = await client.SignInAsync("nobody@example.com", "Wrong-password-1");

        Assert.Equal("/account/sign-in", switched.Headers.Location!.OriginalString);
        Assert.Contains("电子邮箱或密码不正确。", await failed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Password_rules_on_the_change_password_page_are_explained_in_Chinese_to_a_Chinese_browser()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", "Correct-horse-9", StaffRoles.Agent);
        using var client = new StaffClient(app, acceptLanguage: "zh-CN");
        await client.SignInAsync("anna@example.com", "Correct-horse-9");

        var response = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["currentPassword"] = "Correct-horse-9", ["newPassword"] = "short", ["confirmPassword"] = "short",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("密码至少需要 10 个字符。", html);
        Assert.Contains("密码需要至少一个数字（0-9）。", html);
    }

    [Fact]
    public async Task An_English_browser_gets_English()
    {
        using var app = new AppServer();
        using var client = new StaffClient(app, acceptLanguage: "en-GB");

        var html = await (await client.GetAsync(SignInExtensions.SignInPath)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1>Sign in</h1>", html);
    }
}
