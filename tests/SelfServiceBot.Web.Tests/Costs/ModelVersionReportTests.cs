using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfServiceBot.Costs;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>A period across a cost model change: the API, the CLI (JSON and summary) and both exports say the same.</summary>
public class ModelVersionReportTests
{
    /// <summary>The configuration saved as version 1 before the period, and dearer people and bot from mid-period as version 2.</summary>
    internal static async Task<(string From, string To, string Change)> TwoVersionsAsync(AppServer app)
    {
        var (from, to) = CostsApiTests.LastMonth();
        var change = DateOnly.Parse(from, CultureInfo.InvariantCulture).AddDays(15);
        var store = app.Services.GetRequiredService<CostModelStore>();
        var configured = app.Services.GetRequiredService<IOptions<CostsOptions>>().Value.ToModel();
        await store.SaveAsync(configured, change.AddDays(-60), "test", default);
        var raised = CostModel.Parse(configured.ToJson());
        raised.Human.MonthlySalary += 800;
        raised.Human.PerContactCost += 0.5m;
        raised.Bot.Hosting += 300;
        await store.SaveAsync(raised, change, "test", default);
        return (from, to, change.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Across_a_version_change_the_api_the_cli_and_the_exports_hold_the_same_figures()
    {
        using var app = await CostsApiTests.StartWithDemoDataAsync();
        var (from, to, change) = await TwoVersionsAsync(app);
        var client = await StaffSessions.ApiClientAsync(app, "Manager");

        var api = await client.GetStringAsync($"/api/costs/report?from={from}&to={to}");
        var (exit, cli, error) = await CostsApiTests.RunCliAsync(app, "costs", "report", "--from", from, "--to", to, "--json");
        var (_, summary, _) = await CostsApiTests.RunCliAsync(app, "costs", "report", "--from", from, "--to", to);
        var (_, secondOnly, _) = await CostsApiTests.RunCliAsync(app, "costs", "report", "--from", change, "--to", to);
        var csv = await client.GetStringAsync($"/api/costs/report.csv?from={from}&to={to}");
        var xlsx = await client.GetByteArrayAsync($"/api/costs/report.xlsx?from={from}&to={to}");

        Assert.True(exit == 0, error);
        Assert.Equal(api, cli.Trim());
        var r = JsonDocument.Parse(api).RootElement;
        Assert.Equal("stored:1, stored:2", r.GetProperty("model_source").GetString());
        var versions = r.GetProperty("model_versions").EnumerateArray().Select(v => $"{v.GetProperty("model_source")} {v.GetProperty("from")} {v.GetProperty("to")}");
        Assert.Equal([$"stored:1 {from} {change}", $"stored:2 {change} {to}"], versions);
        Assert.Matches($@"stored:1\s+{from} to {change}", summary);
        Assert.Matches($@"stored:2\s+{change} to {to}", summary);
        Assert.Contains($"Gross savings       {Money(r, "gross_savings"),10}", summary);
        Assert.Contains($"net {Money(r, "net_savings")}", summary);
        Assert.Contains($"Human cost/contact  {Money(r, "human_cpc"),10}   (gross savings / durable deflections, over the parts above;", summary);
        Assert.Contains("model: stored:2\n", secondOnly.ReplaceLineEndings("\n"));
        Assert.Contains("(m x H + per contact;", secondOnly);
        Assert.DoesNotContain("spans cost model versions", secondOnly);

        var csvLines = csv.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = Sheet(workbook, "summary");
        foreach (var figure in new[] { "contacts", "human_cpc", "bot_total", "human_total", "gross_savings", "net_savings", "roi", "L", "H" })
        {
            var expected = r.GetProperty(figure).GetDecimal();
            Assert.Equal(expected, decimal.Parse(csvLines.First(l => l.StartsWith(figure + ",", StringComparison.Ordinal))[(figure.Length + 1)..], CultureInfo.InvariantCulture));
            Assert.Equal(expected, decimal.Parse(sheet.Single(row => row[0] == figure)[1], CultureInfo.InvariantCulture));
        }
        Assert.Equal(3, Sheet(workbook, "model_versions").Count);
    }

    private static string Money(JsonElement r, string figure) => r.GetProperty(figure).GetDecimal().ToString("#,0.00", CultureInfo.InvariantCulture);

    private static List<string[]> Sheet(SpreadsheetDocument document, string name)
    {
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Descendants<Sheet>().Single(s => s.Name == name).Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }
}
