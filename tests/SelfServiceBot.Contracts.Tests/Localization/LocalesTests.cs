using System.Globalization;
using SelfServiceBot.Contracts.Localization;

namespace SelfServiceBot.Contracts.Tests.Localization;

public sealed class LocalesTests
{
    [Theory]
    [InlineData("zh")]
    [InlineData("zh-CN")]
    [InlineData("zh-cn")]
    [InlineData("ZH-Hans")]
    [InlineData("zh-TW")]
    [InlineData("zh-Hant-HK")]
    public void Every_Chinese_locale_is_Chinese_and_normalises_to_zh_CN(string locale)
    {
        Assert.True(Locales.IsChinese(locale));
        Assert.Equal("zh-CN", Locales.Normalize(locale));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    [InlineData("z")]
    [InlineData("ahz")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_or_nothing_is_English(string? locale)
    {
        Assert.False(Locales.IsChinese(locale));
        Assert.Equal("en", Locales.Normalize(locale));
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("zh-Hans", true)]
    [InlineData("en-GB", false)]
    [InlineData("", false)]
    public void A_culture_is_asked_by_its_name(string name, bool chinese)
    {
        Assert.Equal(chinese, Locales.IsChinese(CultureInfo.GetCultureInfo(name)));
    }

    [Fact]
    public void The_normalised_locales_are_the_two_the_product_stores()
    {
        Assert.Equal(["en", "zh-CN"], new[] { Locales.English, Locales.Chinese });
        Assert.Equal(Locales.Chinese, Locales.Normalize(Locales.Chinese));
        Assert.Equal(Locales.English, Locales.Normalize(Locales.English));
    }
}
