using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SelfServiceBot.Knowledge.Analysis;

public static class AnalyzerExtensions
{
    /// <summary>The terms the analyzer makes of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Tokens(this Analyzer analyzer, string text, string field = "text")
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }
        stream.End();
        return tokens;
    }
}
