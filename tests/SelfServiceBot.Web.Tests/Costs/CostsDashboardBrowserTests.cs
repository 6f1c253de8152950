using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SelfServiceBot.Web.Tests.Browser;
using SelfServiceBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>A manager opens the dashboard in headless chromium: its figures are the report JSON's, in English and Chinese.</summary>
public class CostsDashboardBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static async Task<IPage> SignedInPageAsync(ChromiumFixture chromium, AppServer app, string role, string locale)
    {
        var page = await chromium.NewPageAsync(locale);
        await page.SetViewportSizeAsync(1400, 900);
        var cookies = (await StaffSessions.SignInAsync(app, role)).GetCookies(app.BaseAddress);
        await page.Context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = app.BaseAddress.ToString() }));
        return page;
    }

    [Fact]
    public async Task A_manager_sees_tiles_equal_to_the_report_json_and_the_charts()
    {
        using var app = await CostsApiTests.StartWithDemoDataAsync();
        var (from, to) = CostsApiTests.LastMonth();
        var client = await StaffSessions.ApiClientAsync(app, "Supervisor");
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/costs/report?from={from}&to={to}"));
        var page = await SignedInPageAsync(chromium, app, "Manager", "en-US");

        await page.GotoAsync($"{app.BaseAddress}reports/costs?from={from}&to={to}&lang=en");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Support costs");
        // The model's source in words: the Costs settings, not the JSON's "configuration".
        await Expect(page.Locator("#model-source [data-figure='model_versions']")).ToHaveTextAsync($"Cost model: settings ({from} – {to})");
        foreach (var figure in new[] { "contacts", "deflection_rate", "durable_deflection_rate", "escalation_rate", "human_cpc", "bot_cpc", "blended_cpc", "gross_savings", "net_savings", "roi", "payback_months" })
        {
            var tile = page.Locator($".tile[data-figure='{figure}']");
            await Expect(tile).ToBeVisibleAsync();
            // The page holds the JSON number as a JavaScript double: equal to 12 significant digits.
            var shown = await tile.GetAttributeAsync("data-value");
            var expected = json.RootElement.GetProperty(figure);
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.Equal("null", shown);
            }
            else
            {
                var value = expected.GetDouble();
                Assert.Equal(value, double.Parse(shown!, CultureInfo.InvariantCulture), Math.Abs(value) * 1e-12);
            }
            Assert.False(string.IsNullOrEmpty(await tile.GetAttributeAsync("title")), $"{figure} has no formula");
        }
        var contacts = json.RootElement.GetProperty("contacts").GetInt64();
        await Expect(page.Locator(".tile[data-figure='contacts'] strong")).ToHaveTextAsync(contacts.ToString("N0", CultureInfo.GetCultureInfo("en")));
        var humanCpc = json.RootElement.GetProperty("human_cpc").GetDecimal();
        await Expect(page.Locator(".tile[data-figure='human_cpc'] strong")).ToHaveTextAsync(humanCpc.ToString("N2", CultureInfo.GetCultureInfo("en")));
        var firstCategory = json.RootElement.GetProperty("by_category")[0];
        await Expect(page.Locator("#table-category tbody tr").First.Locator("td").First).ToHaveTextAsync(firstCategory.GetProperty("category").GetString()!);
        await Expect(page.Locator("#table-gaps tbody tr").First).ToBeVisibleAsync();
        // Five charts, and the model's months: the demo contacts have tokens.
        Assert.True(await page.EvaluateAsync<bool>("() => Object.keys(Chart.instances).length === 6"));
        await page.ScreenshotAsync(new() { Path = Screenshot("costs-dashboard.png") });

        await page.Locator("#whatif-run").ClickAsync();
        await Expect(page.Locator("#table-whatif tbody tr")).ToHaveCountAsync(4);
        // The output of `kb eval --sweep --json` is accepted as it is.
        await page.Locator("#whatif-sweep").FillAsync("""
            {"cases":100,"in_scope":80,"sweep":[{"threshold":40,"answered_correct":0.7,"wrong_answer":0.05},
            {"threshold":50,"answered_correct":0.6,"wrong_answer":0.03},{"threshold":60,"answered_correct":0.5,"wrong_answer":0.01}]}
            """);
        await page.Locator("#whatif-run").ClickAsync();
        await Expect(page.Locator("#table-whatif tbody tr")).ToHaveCountAsync(3);
        await page.Locator("#table-category").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("costs-dashboard-tables.png") });
    }

    [Fact]
    public async Task The_dashboard_speaks_chinese_and_the_settings_page_is_for_admins_only()
    {
        using var app = await CostsApiTests.StartWithDemoDataAsync();
        var (from, to) = CostsApiTests.LastMonth();
        var page = await SignedInPageAsync(chromium, app, "Manager", "zh-CN");

        await page.GotoAsync($"{app.BaseAddress}reports/costs?from={from}&to={to}");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("h1")).ToHaveTextAsync("客服成本");
        await Expect(page.Locator(".tile[data-figure='human_cpc'] .label")).ToHaveTextAsync("人工单次成本");
        // Escalation reasons in words; the CSV and the JSON keep the ids.
        await Expect(page.Locator("#table-reason tbody td", new() { HasText = "客户要求转人工" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#table-reason tbody td", new() { HasText = "explicit_request" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#model-source [data-figure='model_versions']")).ToHaveTextAsync($"成本模型：配置 ({from} – {to})");
        await page.ScreenshotAsync(new() { Path = Screenshot("costs-dashboard-zh.png") });
        // With the browser's cookies (Chromium shows no page for an empty 403).
        var settings = await page.Context.APIRequest.GetAsync($"{app.BaseAddress}reports/costs/settings");
        Assert.Equal(403, settings.Status);

        var admin = await SignedInPageAsync(chromium, app, "Admin", "en-US");
        await admin.GotoAsync($"{app.BaseAddress}reports/costs/settings");
        await Expect(admin.Locator("#model")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"monthly_salary\""));
        await admin.Locator("form#save button").ClickAsync();
        await Expect(admin.Locator("#status")).ToHaveTextAsync("Saved.");
        await Expect(admin.Locator("#history tbody tr")).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("en", "Cost model versions", "version")]
    [InlineData("zh-CN", "成本模型版本", "版本")]
    public async Task Across_model_versions_the_dashboard_names_them_and_every_figure_equals_the_json_and_has_its_formula(string lang, string versionsNote, string version)
    {
        using var app = await CostsApiTests.StartWithDemoDataAsync();
        var (from, to, change) = await ModelVersionReportTests.TwoVersionsAsync(app);
        var client = await StaffSessions.ApiClientAsync(app, "Manager");
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/costs/report?from={from}&to={to}"));
        var r = json.RootElement;
        var page = await SignedInPageAsync(chromium, app, "Manager", lang == "en" ? "en-US" : "zh-CN");

        await page.GotoAsync($"{app.BaseAddress}reports/costs?from={from}&to={to}&lang={lang}");

        await Expect(page.Locator("#model-source [data-figure='model_versions']")).ToContainTextAsync($"{version} 1 ({from} – {change}), {version} 2 ({change} – {to})");
        var figures = new Dictionary<string, JsonElement>
        {
            ["csat_bot"] = r.GetProperty("csat").GetProperty("bot_only").GetProperty("mean"),
            ["csat_escalated"] = r.GetProperty("csat").GetProperty("escalated").GetProperty("mean"),
        };
        // llm_spend: the demo contacts have model tokens, so the dashboard shows the model's spend too.
        foreach (var name in new[] { "contacts", "deflection_rate", "durable_deflection_rate", "escalation_rate", "abandonment_rate", "human_cpc", "bot_cpc",
            "llm_spend", "blended_cpc", "gross_savings", "net_savings", "roi", "payback_months", "months", "L", "P", "m", "H" })
        {
            figures[name] = r.GetProperty(name);
        }
        foreach (var (name, expected) in figures)
        {
            var shown = page.Locator($"[data-figure='{name}']");
            await Expect(shown).ToHaveCountAsync(1);
            Assert.False(string.IsNullOrEmpty(await shown.GetAttributeAsync("title")), $"{name} has no formula");
            var value = await shown.GetAttributeAsync("data-value");
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.Equal("null", value);
            }
            else
            {
                Assert.Equal(expected.GetDouble(), double.Parse(value!, CultureInfo.InvariantCulture), Math.Abs(expected.GetDouble()) * 1e-12);
            }
        }
        // A numbered footnote per tile and input, and one naming the versions with each part's human cost per contact.
        await Expect(page.Locator("#footnotes li")).ToHaveCountAsync(figures.Count + 1);
        var versions = page.Locator("#footnotes li").Last;
        await Expect(versions).ToContainTextAsync(versionsNote);
        await Expect(versions).ToContainTextAsync($"{version} 2 {change} – {to}");
        Assert.StartsWith("gross_savings / durable_deflected", await page.Locator(".tile[data-figure='human_cpc']").GetAttributeAsync("title"));
        // Computed columns carry their formula too.
        Assert.Equal(5, await page.Locator("#table-category th[title]").CountAsync());
        await page.ScreenshotAsync(new() { Path = Screenshot($"costs-dashboard-versions-{lang}.png"), FullPage = true });
    }

    // Screenshots go to the test output (and are copied into docs/images by hand when the page changes).
    private static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);
}
