using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Evaluation;

namespace SelfServiceBot.Knowledge.Tests.Evaluation;

/// <summary>Which locale <c>kb eval</c> ranks a case in when neither the case nor --locale says: as the bot routes it.</summary>
public sealed class CaseLocalesTests
{
    [Theory]
    [InlineData("where is my parcel", "en")]
    [InlineData("我的包裹到哪了", "zh-CN")]
    [InlineData("iPhone 退货", "zh-CN")]
    [InlineData("1234", "en")]
    public void In_a_bilingual_knowledge_base_a_message_goes_to_the_language_of_its_script(string text, string expected)
    {
        var locales = new CaseLocales([Article("en"), Article("zh-CN"), Article("zh-CN")]);

        Assert.Equal(expected, locales.For(text));
    }

    [Theory]
    [InlineData("where is my parcel")]
    [InlineData("我的包裹到哪了")]
    public void In_a_knowledge_base_of_one_language_every_message_goes_to_it(string text)
    {
        var locales = new CaseLocales([Article("zh-CN"), Article("zh-CN")]);

        Assert.Equal("zh-CN", locales.For(text));
    }

    [Fact]
    public void The_locale_is_spelled_as_most_of_the_languages_articles_spell_it()
    {
        var locales = new CaseLocales([Article("zh-Hans-CN"), Article("zh-CN"), Article("zh-CN"), Article("en-GB")]);

        Assert.Equal("zh-CN", locales.For("退款"));
        Assert.Equal("en-GB", locales.For("refund"));
    }

    [Fact]
    public void A_case_keeps_its_own_locale_then_the_given_one_and_only_then_is_routed()
    {
        var locales = new CaseLocales([Article("en"), Article("zh-CN")]);
        EvaluationCase[] cases = [new("退款", "a", "en"), new("退款", "a"), new("refund", "a")];

        Assert.Equal(["en", "zh-CN", "en"], locales.Route(cases, given: null).Select(c => c.Locale));
        Assert.Equal(["en", "fr", "fr"], locales.Route(cases, given: "fr").Select(c => c.Locale));
        Assert.False(locales.HasArticles("fr"));
        Assert.True(locales.HasArticles("zh-TW"));
    }

    private static KnowledgeArticle Article(string locale) =>
        new() { Id = Guid.NewGuid().ToString("N"), Title = "t", Category = "c", Locale = locale, Body = "b", SourcePath = "" };
}
