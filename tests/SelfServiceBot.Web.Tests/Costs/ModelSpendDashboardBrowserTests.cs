using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SelfServiceBot.Web.Tests.Browser;
using SelfServiceBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>The model's spend on the dashboard: a tile and a chart per month where there are tokens, nothing where there are none.</summary>
public class ModelSpendDashboardBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private async Task<IPage> ManagerPageAsync(AppServer app, string locale)
    {
        var page = await chromium.NewPageAsync(locale);
        await page.SetViewportSizeAsync(1400, 900);
        var cookies = (await StaffSessions.SignInAsync(app, "Manager")).GetCookies(app.BaseAddress);
        await page.Context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = app.BaseAddress.ToString() }));
        return page;
    }

    [Theory]
    [InlineData("en", "Model spend", "Model tokens and spend per month")]
    [InlineData("zh-CN", "模型费用", "每月模型 token 用量与费用")]
    public async Task With_demo_tokens_the_model_spend_tile_equals_the_json_and_the_months_are_charted(string lang, string tile, string caption)
    {
        using var app = await CostsApiTests.StartWithDemoDataAsync();
        var (from, to) = CostsApiTests.LastMonth();
        using var json = JsonDocument.Parse(await (await StaffSessions.ApiClientAsync(app, "Manager")).GetStringAsync($"/api/costs/report?from={from}&to={to}"));
        var r = json.RootElement;
        Assert.True(r.GetProperty("llm_input_tokens").GetInt64() > 0, "the demo has model calls");
        var page = await ManagerPageAsync(app, lang == "en" ? "en-US" : "zh-CN");

        await page.GotoAsync($"{app.BaseAddress}reports/costs?from={from}&to={to}&lang={lang}");

        var spend = page.Locator(".tile[data-figure='llm_spend']");
        await Expect(spend.Locator(".label")).ToHaveTextAsync(tile);
        var expected = r.GetProperty("llm_spend").GetDouble();
        Assert.Equal(expected, double.Parse((await spend.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), expected * 1e-12);
        await Expect(spend.Locator("strong")).ToHaveTextAsync(r.GetProperty("llm_spend").GetDecimal().ToString("N2", CultureInfo.GetCultureInfo(lang)));
        Assert.Contains("llm_input_per_million_tokens", await spend.GetAttributeAsync("title"));
        await Expect(page.Locator("#llm-figure")).ToBeVisibleAsync();
        await Expect(page.Locator("#llm-figure figcaption")).ToHaveTextAsync(caption);
        var months = r.GetProperty("trend").GetProperty("llm_by_month").GetArrayLength();
        Assert.Equal(months, await page.EvaluateAsync<int>("() => Chart.getChart('chart-llm').data.labels.length"));
        await page.Locator("#llm-figure").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot($"costs-model-spend-{lang}.png") });
    }

    [Fact]
    public async Task Without_tokens_there_is_no_model_spend_tile_and_no_empty_chart()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" });
        var (from, to) = CostsApiTests.LastMonth();
        var page = await ManagerPageAsync(app, "en-US");

        await page.GotoAsync($"{app.BaseAddress}reports/costs?from={from}&to={to}&lang=en");

        await Expect(page.Locator(".tile[data-figure='bot_cpc']")).ToBeVisibleAsync();
        await Expect(page.Locator(".tile[data-figure='llm_spend']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#llm-figure")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart('chart-llm') === undefined"));
    }

    private static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);
}
