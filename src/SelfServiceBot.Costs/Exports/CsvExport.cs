using SelfServiceBot.Costs.Import;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Storage;

namespace SelfServiceBot.Costs.Exports;

/// <summary>CSV exports: the report's tables one after another (a "# name" line before each), and the contact list.</summary>
public static class CsvExport
{
    public static async Task WriteReportAsync(CostReport report, TextWriter writer)
    {
        foreach (var table in ReportTables.From(report))
        {
            await writer.WriteLineAsync("# " + table.Name);
            await writer.WriteLineAsync(string.Join(',', table.Columns));
            foreach (var row in table.Rows)
            {
                await writer.WriteLineAsync(string.Join(',', row.Select(Cell)));
            }
            await writer.WriteLineAsync();
        }
    }

    // Text (names, categories, customers' questions) is neutralised against formulas; numbers are not (-12.5 stays a number).
    private static string Cell(object? cell) =>
        cell is decimal or long or int ? CsvReader.Escape(ReportTables.Format(cell)) : CsvReader.TextCell(ReportTables.Format(cell));

    /// <summary>The import format, so the list can be checked, edited and imported again.</summary>
    public static async Task WriteContactsAsync(IAsyncEnumerable<ContactRecord> contacts, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(ContactCsv.Header);
        await foreach (var contact in contacts.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(ContactCsv.Row(contact));
        }
    }
}
