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
    public async Task An_English_browser_gets_English()
    {
        using var app = new AppServer();
        using var client = new StaffClient(app, acceptLanguage: "en-GB");

        var html = await (await client.GetAsync(SignInExtensions.SignInPath)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1>Sign in</h1>", html);
    }
}
