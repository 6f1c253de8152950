using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;
using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Tests.Engine;

/// <summary>Knowledge:ChineseAnalysis from the knowledge source to the index: its stamp, and what the index answers.</summary>
public sealed class ChineseAnalysisIndexTests : IDisposable
{
    private static readonly Lazy<KnowledgeSource> SampleChinese = new(() =>
    {
        var source = KnowledgeSource.Load(SampleKnowledgeBase.Path);
        return source with
        {
            KnowledgeBase = source.KnowledgeBase with { Articles = source.KnowledgeBase.Articles.Where(a => a.Locale.StartsWith("zh")).ToList() },
        };
    });

    private readonly string _root = Directory.CreateTempSubdirectory("ssb-index-").FullName;

    [Fact]
    public void Each_analysis_has_its_own_index_stamp_and_the_default_keeps_the_stamp_of_before()
    {
        var source = SampleChinese.Value;
        string Stamp(ChineseAnalysis mode) => IndexStamp.Compute(source.KnowledgeBase.Articles, (source with { Chinese = mode }).SynonymsFor,
            RankingSettings.Default);

        Assert.Equal(3, Enum.GetValues<ChineseAnalysis>().Select(Stamp).Distinct().Count());
        // The tables as loaded, before the setting reaches them: what the stamp was computed from until now.
        Assert.Equal(Stamp(ChineseAnalysis.Bigrams), IndexStamp.Compute(source.KnowledgeBase.Articles,
            language => source.Synonyms.TryGetValue(language, out var table) ? table : SynonymTable.Empty, RankingSettings.Default));
    }

    [Fact]
    public void Changing_the_analysis_rebuilds_the_stored_index_and_changing_it_back_reuses_nothing_stale()
    {
        var bigrams = SampleChinese.Value;
        var words = bigrams with { Chinese = ChineseAnalysis.Words };

        using (PersistentIndex.Open(bigrams, _root).Engine)
        {
        }
        var switched = PersistentIndex.Open(words, _root);
        switched.Engine.Dispose();
        var again = PersistentIndex.Open(words, _root);
        again.Engine.Dispose();

        Assert.True(switched.Built);
        Assert.False(again.Built);
        Assert.Equal(switched.Stamp, again.Stamp);
    }

    [Theory]
    [InlineData(ChineseAnalysis.Words, "我要取笑", "zh-cancel-order")]                 // 取消, picked wrong in the input method
    [InlineData(ChineseAnalysis.WordsAndBigrams, "我要取笑", "zh-cancel-order")]
    [InlineData(ChineseAnalysis.WordsAndBigrams, "包果到哪了", "zh-track-order")]        // 包裹, a synonym the knowledge base writes as 快递
    [InlineData(ChineseAnalysis.WordsAndBigrams, "收获地址写错了", "zh-change-delivery-address")] // 收货
    [InlineData(ChineseAnalysis.Words, "我的包裹到哪了", "zh-track-order")]             // the synonym itself
    public void Synonyms_and_the_correction_by_sound_still_apply_with_words(ChineseAnalysis mode, string question, string articleId)
    {
        using var temporary = TemporaryEngine.Build(SampleChinese.Value with { Chinese = mode });

        Assert.Equal(articleId, temporary.Engine.Rank(question, "zh-CN").Articles[0].Article.Id);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
