using SelfServiceBot.Knowledge.Analysis;

namespace SelfServiceBot.Knowledge.Tests.Analysis;

public class PinyinTests
{
    [Fact]
    public void On_linux_ICU_gives_the_toneless_pinyin_of_chinese_words_and_homophones_sound_the_same()
    {
        Assert.True(OperatingSystem.IsLinux(), "these tests run where the product runs");
        Assert.True(Pinyin.IsAvailable);

        Assert.Equal("bao guo", Pinyin.Of("包裹"));
        Assert.Equal(Pinyin.Of("取消"), Pinyin.Of("取笑"));
        Assert.NotEqual(Pinyin.Of("取消"), Pinyin.Of("取货"));
    }

    [Theory]
    [InlineData("包裹", true)]
    [InlineData("包", true)]
    [InlineData("包a", false)]
    [InlineData("，", false)]
    [InlineData("가나", false)]
    [InlineData("かな", false)]
    [InlineData("", false)]
    public void Han_means_every_character_is_a_chinese_ideograph(string text, bool han) => Assert.Equal(han, Pinyin.IsHan(text));
}
