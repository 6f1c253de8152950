using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>The agent profiles page in headless chromium: a supervisor edits an agent; bad input is shown, not saved; agents get 403.</summary>
public class AgentProfilesBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_supervisor_edits_an_agents_skills_languages_and_capacity_and_the_table_shows_them()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "lee@example.com", StaffBrowser.Password, StaffRoles.Supervisor);
        await CreateAgentAsync(app, "anna@example.com", "Anna");
        var page = await StaffBrowser.SignedInAsync(chromium, app, "lee@example.com", "/agent/agents");
        var anna = page.Locator("#agents tr[data-user]", new() { HasText = "anna@example.com" });
        await Expect(anna.Locator(".skills")).ToHaveTextAsync("*");
        await Expect(anna.Locator(".languages")).ToHaveTextAsync("en, zh-CN");
        await Expect(anna.Locator(".load")).ToHaveTextAsync("0 / 3");

        await anna.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        var form = page.Locator("form#edit");
        await Expect(form.Locator("h2")).ToHaveTextAsync("Edit Anna");
        await form.GetByLabel("All skills (*)").UncheckAsync();
        await form.GetByLabel("orders", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("returns", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Simplified Chinese (zh-CN)").UncheckAsync();
        await form.GetByLabel("Capacity (chats at once)").FillAsync("5");
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("agent-profiles-edit-en.png"), FullPage = true });
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator(".notice")).ToHaveTextAsync("Saved: Anna.");
        await Expect(anna.Locator(".skills")).ToHaveTextAsync("orders, returns");
        await Expect(anna.Locator(".languages")).ToHaveTextAsync("en");
        await Expect(anna.Locator(".load")).ToHaveTextAsync("0 / 5");
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("agent-profiles-en.png"), FullPage = true });
    }

    [Fact]
    public async Task Bad_input_is_shown_with_every_problem_as_typed_and_nothing_is_saved()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "root@example.com", StaffBrowser.Password, StaffRoles.Admin);
        await CreateAgentAsync(app, "anna@example.com", "Anna");
        var page = await StaffBrowser.SignedInAsync(chromium, app, "root@example.com", "/agent/agents");
        var anna = page.Locator("#agents tr[data-user]", new() { HasText = "anna@example.com" });
        await anna.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        var form = page.Locator("form#edit");

        await form.GetByLabel("All skills (*)").UncheckAsync();
        await form.GetByLabel("English (en)").UncheckAsync();
        await form.GetByLabel("Simplified Chinese (zh-CN)").UncheckAsync();
        await form.GetByLabel("Capacity (chats at once)").FillAsync("25");
        var response = await page.RunAndWaitForResponseAsync(() => form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Expect(form.Locator(".error li")).ToHaveTextAsync([
            "Choose at least one skill.", "Choose at least one language.", "Capacity must be a whole number from 1 to 20 (got '25').",
        ]);
        await Expect(form.GetByLabel("Capacity (chats at once)")).ToHaveValueAsync("25");
        await Expect(anna.Locator(".skills")).ToHaveTextAsync("*");
        await Expect(anna.Locator(".load")).ToHaveTextAsync("0 / 3");
        await page.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("agent-profiles-errors-en.png"), FullPage = true });
    }

    [Fact]
    public async Task The_page_speaks_Chinese_and_an_agent_gets_403()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "lee@example.com", StaffBrowser.Password, StaffRoles.Supervisor);
        await CreateAgentAsync(app, "anna@example.com", "Anna");

        var supervisor = await StaffBrowser.SignedInAsync(chromium, app, "lee@example.com", "/agent/agents", "zh-CN");
        await Expect(supervisor.Locator("h1")).ToHaveTextAsync("客服资料");
        // Roles in the page's language.
        await Expect(supervisor.Locator("#agents tr[data-user]", new() { HasText = "lee@example.com" }).Locator("td").Nth(1)).ToHaveTextAsync("主管");
        await supervisor.Locator("#agents tr[data-user]", new() { HasText = "anna@example.com" }).GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await supervisor.Locator("form#edit").GetByLabel("同时接待数").FillAsync("0");
        await supervisor.Locator("form#edit").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(supervisor.Locator("form#edit .error li")).ToHaveTextAsync("同时接待数必须是 1 到 20 之间的整数（输入为“0”）。");
        await supervisor.ScreenshotAsync(new() { Path = StaffBrowser.Screenshot("agent-profiles-zh.png"), FullPage = true });

        var agent = await chromium.NewPageAsync("en-US");
        await agent.GotoAsync(new Uri(app.BaseAddress, "/agent/agents").ToString());
        await agent.Locator("input[name=email]").FillAsync("anna@example.com");
        await agent.Locator("input[name=password]").FillAsync(StaffBrowser.Password);
        var response = await agent.RunAndWaitForResponseAsync(() => agent.Locator("form.stacked button[type=submit]").ClickAsync(),
            r => r.Url.EndsWith("/agent/agents", StringComparison.Ordinal));
        Assert.Equal(403, response.Status);
        await Expect(agent.Locator("h1")).ToHaveTextAsync("No access");
    }

    private static async Task CreateAgentAsync(AppServer app, string email, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, [StaffRoles.Agent], StaffBrowser.Password, mustChangePassword: false, name);
        Assert.True(outcome.Succeeded, outcome.Error);
    }
}
