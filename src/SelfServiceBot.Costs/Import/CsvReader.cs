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

    public static string Escape(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
