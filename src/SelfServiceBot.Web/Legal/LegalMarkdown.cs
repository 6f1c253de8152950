using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SelfServiceBot.Web.Legal;

/// <summary>
/// The little Markdown legal text needs, rendered safely: # and ## headings, - or * list items, paragraphs split by blank
/// lines. Everything else is text: all of it is HTML-encoded, so a file cannot inject markup or script.
/// </summary>
public static class LegalMarkdown
{
    // Chinese stays readable in the page source; < > & " ' are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ToHtml(string markdown)
    {
        var html = new StringBuilder();
        var paragraph = new List<string>();
        var inList = false;
        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            var item = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);
            if (line.Length == 0 || item || line.StartsWith('#'))
            {
                Flush(html, paragraph);
            }
            if (inList && !item)
            {
                html.Append("</ul>\n");
                inList = false;
            }
            if (line.Length == 0)
            {
                continue;
            }
            if (item)
            {
                html.Append(inList ? "" : "<ul>\n").Append("<li>").Append(Encoder.Encode(line[2..].Trim())).Append("</li>\n");
                inList = true;
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                html.Append("<h2>").Append(Encoder.Encode(line[3..].Trim())).Append("</h2>\n");
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                html.Append("<h1>").Append(Encoder.Encode(line[2..].Trim())).Append("</h1>\n");
            }
            else
            {
                paragraph.Add(line);
            }
        }
        Flush(html, paragraph);
        if (inList)
        {
            html.Append("</ul>\n");
        }
        return html.ToString();
    }

    public static string Encode(string text) => Encoder.Encode(text);

    private static void Flush(StringBuilder html, List<string> paragraph)
    {
        if (paragraph.Count > 0)
        {
            html.Append("<p>").Append(Encoder.Encode(string.Join(' ', paragraph))).Append("</p>\n");
            paragraph.Clear();
        }
    }
}
