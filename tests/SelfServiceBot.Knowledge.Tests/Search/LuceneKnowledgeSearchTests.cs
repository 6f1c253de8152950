using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.Knowledge.Tests.Infrastructure;

namespace SelfServiceBot.Knowledge.Tests.Search;

public sealed class LuceneKnowledgeSearchTests
{
    private static readonly LuceneKnowledgeSearch Search = SampleSearch.Search;

    public static TheoryData<string, string, string> EveryPhrasingOfEveryArticle()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var article in KnowledgeBaseLoader.Load(SampleKnowledgeBase.Path).Articles)
        {
            foreach (var phrasing in article.Questions.Prepend(article.Title))
            {
                data.Add(phrasing, article.Locale, article.Id);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPhrasingOfEveryArticle))]
    public async Task Every_title_and_alternate_question_is_answered_with_its_own_article(string question, string locale, string articleId)
    {
        var result = await Search.SearchAsync(question, locale, CancellationToken.None);

        Assert.Equal(KnowledgeDecision.Answer, result.Decision);
        Assert.Equal(articleId, result.Best?.ArticleId);
    }

    [Theory]
    [InlineData("how can I track my orders", "en", "track-order")]
    [InlineData("where is my parcel", "en", "track-order")]
    [InlineData("I forgot the password for my account", "en", "forgot-password")]
    [InlineData("what payment methods do you accept", "en", "payment-methods")]
    [InlineData("how long does standard delivery take", "en", "delivery-times")]
    [InlineData("我的订单在哪里", "zh-CN", "zh-track-order")]
    [InlineData("怎么退货", "zh-CN", "zh-return-item")]
    [InlineData("退款多久到账", "zh-CN", "zh-refund-status")]
    public async Task Questions_in_other_words_find_the_right_article(string question, string locale, string articleId)
    {
        var result = await Search.SearchAsync(question, locale, CancellationToken.None);

        Assert.Equal(KnowledgeDecision.Answer, result.Decision);
        Assert.Equal(articleId, result.Best?.ArticleId);
        Assert.InRange(result.Best!.Confidence, 0, 100);
    }

    [Fact]
    public async Task A_vague_question_asks_which_article_was_meant()
    {
        var result = await Search.SearchAsync("delivery", "en", CancellationToken.None);

        Assert.Equal(KnowledgeDecision.Clarify, result.Decision);
        Assert.InRange(result.Candidates.Count, 1, 3);
        Assert.All(result.Candidates, c => Assert.Equal("shipping", c.Category));
    }

    [Fact]
    public async Task Two_plausible_articles_are_both_offered()
    {
        var result = await Search.SearchAsync("return", "en", CancellationToken.None);

        Assert.Equal(KnowledgeDecision.Clarify, result.Decision);
        Assert.Equal(["return-item", "return-label"], result.Candidates.Take(2).Select(c => c.ArticleId));
    }

    [Theory]
    [InlineData("what is the meaning of life", "en")]
    [InlineData("hello", "en")]
    [InlineData("帮我写一首诗", "zh-CN")]
    public async Task An_unrelated_question_has_no_match(string question, string locale)
    {
        var result = await Search.SearchAsync(question, locale, CancellationToken.None);

        Assert.Equal(KnowledgeDecision.NoMatch, result.Decision);
        Assert.Empty(result.Candidates);
    }

    [Theory]
    [InlineData("wher is my refnud", "refund-status")]
    [InlineData("how do I retrun an item", "return-item")]
    public async Task A_misspelt_word_is_corrected_to_the_knowledge_base_term(string question, string articleId)
    {
        var result = await Search.SearchAsync(question, "en", CancellationToken.None);

        Assert.Equal(articleId, result.Best?.ArticleId);
    }

    [Theory]
    [InlineData("我要取笑", "zh-cancel-order")]       // 取消, picked wrong in the input method
    [InlineData("包果到哪了", "zh-track-order")]      // 包裹, a synonym the knowledge base writes as 快递
    [InlineData("收获地址写错了", "zh-change-delivery-address")] // 收货
    public async Task A_chinese_word_typed_as_a_wrong_homophone_is_corrected_to_the_knowledge_base_word_and_answered(string question, string articleId)
    {
        var result = await Search.SearchAsync(question, "zh-CN", CancellationToken.None);

        Assert.Equal(KnowledgeDecision.Answer, result.Decision);
        Assert.Equal(articleId, result.Best?.ArticleId);
    }

    [Fact]
    public async Task An_English_message_in_a_Chinese_conversation_is_answered_from_the_English_articles()
    {
        var result = await Search.SearchAsync("Where is my refund?", "zh-CN", CancellationToken.None);

        Assert.Equal("refund-status", result.Best?.ArticleId);
    }

    [Fact]
    public async Task A_question_in_another_language_than_the_conversation_still_finds_its_article()
    {
        var result = await Search.SearchAsync("怎么退货", "en-US", CancellationToken.None);

        Assert.Equal("zh-return-item", result.Best?.ArticleId);
    }

    [Fact]
    public async Task The_agreed_track_order_answer_is_there()
    {
        var result = await Search.SearchAsync("How do I track my order?", "en-US", CancellationToken.None);

        Assert.Equal(KnowledgeDecision.Answer, result.Decision);
        Assert.Equal("track-order", result.Best?.ArticleId);
        Assert.Contains("track your order", result.Best?.Answer);
        Assert.Equal(100, result.Best?.Confidence);
    }
}
