using System.Text;

namespace SelfServiceBot.Knowledge.Interchange;

/// <summary>RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks.</summary>
internal static class CsvText
{
    /// <summary>Each record with the (1-based) line it starts on.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
                continue;
            }
            if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                yield return (recordLine, fields);
                fields = [];
                field.Clear();
                any = false;
                recordLine = ++line;
            }
            else
            {
                field.Append(ch);
            }
        }
        if (any)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return (recordLine, fields);
        }
    }

    public static string Escape(string value, char delimiter) =>
        value.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
