using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SelfServiceBot.Costs.Import;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Storage;

namespace SelfServiceBot.Costs.Exports;

/// <summary>
/// The report as an .xlsx workbook: one sheet per table, then the contact list (import format). Written with the Open XML
/// SDK's streaming writer, so a long contact list does not build a document tree in memory. Numbers are numeric cells.
/// </summary>
public static class ExcelExport
{
    /// <summary>Excel's row limit less the header row.</summary>
    public const int MaxContactRows = 1_048_575;

    public static async Task WriteAsync(CostReport report, IAsyncEnumerable<ContactRecord> contacts, Stream output, CancellationToken cancellationToken)
    {
        // The SDK needs a seekable stream; HTTP response bodies are not.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheets = new List<(string Name, string Id)>();
            foreach (var table in ReportTables.From(report))
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                WriteSheet(part, table.Columns, table.Rows.Select(r => r.ToArray()));
                sheets.Add((table.Name, workbook.GetIdOfPart(part)));
            }
            var contactPart = workbook.AddNewPart<WorksheetPart>();
            using (var sheet = OpenXmlWriter.Create(contactPart))
            {
                sheet.WriteStartElement(new Worksheet());
                sheet.WriteStartElement(new SheetData());
                WriteRow(sheet, ContactCsv.Columns.Cast<object?>().ToArray());
                var count = 0;
                await foreach (var contact in contacts.WithCancellation(cancellationToken))
                {
                    if (count++ == MaxContactRows) break;
                    WriteRow(sheet, ContactCells(contact));
                }
                sheet.WriteEndElement();
                sheet.WriteEndElement();
            }
            sheets.Add(("contacts", workbook.GetIdOfPart(contactPart)));

            using var writer = OpenXmlWriter.Create(workbook);
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new Sheets());
            uint sheetId = 1;
            foreach (var (name, id) in sheets)
            {
                writer.WriteElement(new Sheet { Name = name, SheetId = sheetId++, Id = id });
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static object?[] ContactCells(ContactRecord c) =>
    [
        c.ContactKey, c.CustomerId, c.ChannelId, c.Locale, c.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        c.EndedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), c.Outcome, c.Category, c.ArticleId,
        c.EscalationReason, c.HandleMilliseconds is { } ms ? ms / 60_000m : null, c.Csat is { } s ? (long)s : null, c.LlmInputTokens, c.LlmOutputTokens,
    ];

    private static void WriteSheet(WorksheetPart part, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, columns.Cast<object?>().ToArray());
        foreach (var row in rows)
        {
            WriteRow(writer, row);
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell switch
            {
                null => new Cell(),
                decimal or long or int => new Cell { DataType = CellValues.Number, CellValue = new CellValue(ReportTables.Format(cell)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell.ToString() ?? "")) },
            });
        }
        writer.WriteEndElement();
    }
}
