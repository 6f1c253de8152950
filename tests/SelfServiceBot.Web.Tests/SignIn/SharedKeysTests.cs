using System.Net;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

public class SharedKeysTests
{
    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        using var first = new AppServer();
        var database = new Dictionary<string, string?> { ["ConnectionStrings:SelfServiceBot"] = $"Data Source={Path.Combine(first.DataDirectory, "bot.db")}" };
        using var second = new AppServer(database);
        await StaffClient.CreateUserAsync(first, "anna@example.com", "Correct-horse-9", StaffRoles.Agent);
        using var onFirst = new StaffClient(first);
        await onFirst.SignInAsync("anna@example.com", "Correct-horse-9");
        using var onSecond = new StaffClient(second);
        foreach (Cookie cookie in onFirst.Cookies.GetCookies(first.BaseAddress))
        {
            onSecond.Cookies.Add(second.BaseAddress, new Cookie(cookie.Name, cookie.Value));
        }

        var home = await onSecond.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("anna@example.com", await home.Content.ReadAsStringAsync());
    }
}
