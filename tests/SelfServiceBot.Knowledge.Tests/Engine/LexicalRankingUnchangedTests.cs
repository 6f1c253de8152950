using System.Globalization;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Tests.Engine;

/// <summary>
/// Knowledge:Embeddings:Provider None ranks exactly as the engine did before hybrid ranking: every sample case's best three
/// articles, their confidence and score, as commit 4716d4f ranked them (lexical-rankings-4716d4f.tsv, written by that
/// commit's engine over the same knowledge base and cases).
/// </summary>
public sealed class LexicalRankingUnchangedTests
{
    [Fact]
    public void Without_an_encoder_every_sample_case_ranks_as_before_hybrid_ranking()
    {
        var golden = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Engine", "lexical-rankings-4716d4f.tsv"));
        using var engine = TemporaryEngine.Build(KnowledgeSource.Load(SampleKnowledgeBase.Path));

        var differences = new List<string>();
        foreach (var line in golden)
        {
            var (locale, text, expected) = line.Split('\t') is [var l, var t, var e] ? (l, t, e) : throw new FormatException(line);
            var ranked = engine.Engine.Rank(text, locale, 3);
            var actual = string.Join("|", ranked.Articles.Select(a =>
                a.Article.Id + ":" + a.Confidence + ":" + a.Score.ToString("F6", CultureInfo.InvariantCulture)));
            if (actual != expected)
            {
                differences.Add($"{text}\n  before: {expected}\n  now:    {actual}");
            }
        }

        Assert.True(golden.Length > 600, $"only {golden.Length} cases");
        Assert.True(differences.Count == 0, $"{differences.Count} rankings changed:\n" + string.Join("\n", differences.Take(5)));
    }
}
