using System.Security.Cryptography;
using System.Text;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Engine;

/// <summary>
/// A content hash of everything an index depends on: the articles, the synonyms, the ranking settings, the sentence
/// encoder (its model, the languages it covers: the classifier is trained with its evidence), the Lucene version and this
/// code's index format. Same stamp, same index: the folder named after it
/// is reused; anything changes, a new one is built.
/// </summary>
public static class IndexStamp
{
    /// <summary>Bump when the documents, analysis or model file change shape.</summary>
    public const int Format = 4; // 4: English contractions spelled out; calibration without a held-out phrasing in its article's field

    /// <summary>What the stamp says of an index ranked by words alone.</summary>
    public const string Lexical = "lexical";

    public static string Compute(IEnumerable<KnowledgeArticle> articles, Func<string, SynonymTable> synonymsFor, RankingSettings settings,
        ISentenceEncoder? encoder = null)
    {
        var text = new StringBuilder();
        text.Append("format=").Append(Format).Append(";lucene=").Append(LuceneSettings.Version).Append(';').Append(settings).Append('\n');
        foreach (var group in articles.GroupBy(a => KnowledgeEngine.LanguageOf(a.Locale)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("language=").Append(group.Key).Append(";encoder=")
                .Append(encoder is not null && encoder.Covers(group.Key) ? encoder.ModelId : Lexical).Append('\n');
            // Only a non-default analysis is written, so the indexes built before the setting existed stay valid.
            if (synonymsFor(group.Key).Chinese is not ChineseAnalysis.Bigrams and var chinese)
            {
                text.Append("chinese=").Append(chinese).Append('\n');
            }
            foreach (var s in synonymsFor(group.Key).Groups)
            {
                text.Append("syn=").Append(s.Canonical).Append("<=").AppendJoin('|', s.Variants).Append('\n');
            }
            // Order as loaded: ordinals in the index follow it.
            foreach (var a in group)
            {
                text.Append(a.Locale).Append('|').Append(a.Id).Append('|').Append(a.Title).Append('|').AppendJoin('\u001f', a.Questions)
                    .Append('|').Append(a.Category).Append('|').AppendJoin(',', a.Tags).Append('|').AppendJoin(',', a.Related)
                    .Append('|').Append(a.Body).Append('\u001e');
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
    }
}
