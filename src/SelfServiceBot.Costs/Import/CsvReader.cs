using System.Text;

namespace SelfServiceBot.Costs.Import;

/// <summary>RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; the line number is where a record starts.</summary>
internal static class CsvReader
{
    public static async IAsyncEnumerable<(int Line, List<string> Fields)> ReadAsync(TextReader reader)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var start = 1;
        var any = false;
        while (await reader.ReadLineAsync() is { } text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                any = true;
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') { quoted = false; }
                    else { field.Append(c); }
                }
                else if (c == '"' && field.Length == 0) { quoted = true; }
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else { field.Append(c); }
            }
            if (quoted)
            {
                field.Append('\n');
                line++;
                continue;
            }
            fields.Add(field.ToString());
            field.Clear();
            if (any || fields.Count > 1)
            {
                yield return (start, fields);
            }
            fields = [];
            any = false;
            line++;
            start = line;
        }
        if (quoted)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }

    /// <summary>
    /// A text cell for a CSV file that people open in a spreadsheet: neutralised (<see cref="Neutralise"/>), then escaped.
    /// Numbers the exports compute themselves are written with <see cref="Escape"/> alone (a negative saving stays a number).
    /// </summary>
    public static string TextCell(string? value) => Escape(Neutralise(value));

    /// <summary>
    /// OWASP's rule against CSV injection: a cell that starts with <c>= + - @</c>, a tab or a carriage return would be read
    /// by Excel or LibreOffice as a formula (<c>=HYPERLINK(...)</c> in a Direct Line user id the client chose), so it gets
    /// a leading single quote and is shown as the text it is.
    /// </summary>
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>Undoes <see cref="Neutralise"/> on import, so an exported contact list imports as it was.</summary>
    public static string? Restore(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    public static string Escape(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
