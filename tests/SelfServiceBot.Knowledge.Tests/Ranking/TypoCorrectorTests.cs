using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Tests.Ranking;

public class TypoCorrectorTests
{
    [Fact]
    public void A_latin_word_the_knowledge_base_never_uses_becomes_the_known_word_one_edit_away()
    {
        var typos = new TypoCorrector(new Dictionary<string, int> { ["refund"] = 3, ["order"] = 5 });

        Assert.Equal("refund", typos.Correct("refnud"));
        Assert.Equal("order", typos.Correct("order"));
        Assert.Equal("xylophone", typos.Correct("xylophone"));
    }

    [Fact]
    public void A_chinese_word_the_knowledge_base_never_uses_becomes_the_most_frequent_known_word_that_sounds_the_same()
    {
        Assert.True(Pinyin.IsAvailable);
        var typos = new TypoCorrector(new Dictionary<string, int> { ["包裹"] = 4, ["取消"] = 6, ["订单"] = 9, ["发票"] = 2, ["发飘"] = 1 });

        Assert.Equal("包裹", typos.Correct("包果"));
        Assert.Equal("取消", typos.Correct("取笑"));
        Assert.Equal("发票", typos.Correct("发漂"));
        // Known words stay, however they sound; so do words that sound like nothing known, and single characters.
        Assert.Equal("订单", typos.Correct("订单"));
        Assert.Equal("天气", typos.Correct("天气"));
        Assert.Equal("笑", typos.Correct("笑"));
    }
}
