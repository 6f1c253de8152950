using SelfServiceBot.Knowledge.Analysis;

namespace SelfServiceBot.Knowledge.Tests.Analysis;

/// <summary>The three ways of analysing Chinese (Knowledge:ChineseAnalysis), token by token.</summary>
public class ChineseAnalysisTests
{
    private static readonly KnowledgeAnalyzer Plain = new();

    private static KnowledgeAnalyzer In(ChineseAnalysis mode, string synonyms = "") =>
        new(SynonymTable.Parse(synonyms).With(mode));

    [Fact]
    public void Bigrams_is_the_default_and_gives_every_character_and_adjacent_pair()
    {
        Assert.Equal(ChineseAnalysis.Bigrams, new KnowledgeOptions().ChineseAnalysis);
        Assert.Equal(["怎", "怎么", "么", "么修", "修", "修改", "改", "改收", "收", "收货", "货", "货地", "地", "地址", "址"],
            In(ChineseAnalysis.Bigrams).Tokens("怎么修改收货地址"));
    }

    [Theory]
    [InlineData("怎么修改收货地址", new[] { "怎么", "修改", "收", "货", "地址" })]
    [InlineData("我想申请退货退款", new[] { "想", "申请", "退货", "退款" })] // 我 is a stop word, as a word too
    [InlineData("中华人民共和国的身份证号码和信用卡分期付款", new[] { "中华人民共和国", "身份证", "号码", "和", "信用卡", "分期付款" })]
    [InlineData("快递单号在哪里查询？能不能改", new[] { "快递", "单", "号", "在", "哪里", "查询", "能", "不", "能", "改" })]
    public void Words_are_what_the_SmartCn_dictionary_segmenter_finds(string text, string[] expected) =>
        Assert.Equal(expected, In(ChineseAnalysis.Words).Tokens(text));

    [Theory]
    [InlineData("信用卡分期付款", new[] { "信用卡", "分期付款" })]
    [InlineData("身份证号码，中华人民共和国", new[] { "身份证", "中华人民共和国" })]
    [InlineData("怎么修改收货地址", new string[0])]
    public void Words_and_bigrams_are_the_bigrams_plus_each_run_s_words_of_three_characters_or_more(string text, string[] longWords)
    {
        var runs = text.Split('，');
        var expected = runs.SelectMany(run => Plain.Tokens(run).Concat(longWords.Where(run.Contains)));

        Assert.Equal(expected, In(ChineseAnalysis.WordsAndBigrams).Tokens(text));
    }

    [Theory]
    [InlineData("My card hasn't arrived, where are the parcels?")]
    [InlineData("ＩＰｈｏｎｅ refund not received")]
    [InlineData("How do I log in")]
    public void English_is_analysed_the_same_in_every_mode(string text)
    {
        foreach (var mode in Enum.GetValues<ChineseAnalysis>())
        {
            Assert.Equal(Plain.Tokens(text), In(mode).Tokens(text));
            Assert.Equal(In(ChineseAnalysis.Bigrams, "parcel, package").Tokens(text), In(mode, "parcel, package").Tokens(text));
        }
    }

    [Fact]
    public void Mixed_text_keeps_its_latin_words_around_the_chinese_ones()
    {
        Assert.Equal(["iphon", "屏幕", "碎", "refund"], In(ChineseAnalysis.Words).Tokens("iPhone的屏幕碎了 refund"));
    }

    [Theory]
    [InlineData(ChineseAnalysis.Words)]
    [InlineData(ChineseAnalysis.WordsAndBigrams)]
    public void Chinese_synonyms_are_replaced_before_the_words_are_found(ChineseAnalysis mode)
    {
        var analyzer = In(mode, "快递, 包裹\nparcel, package");

        var tokens = analyzer.Tokens("我的包裹到哪了 package");

        Assert.Equal(analyzer.Tokens("我的快递到哪了 parcel"), tokens);
        Assert.DoesNotContain(tokens, t => t.Contains('包') || t.Contains('裹'));
    }
}
