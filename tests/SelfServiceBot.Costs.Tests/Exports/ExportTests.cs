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
