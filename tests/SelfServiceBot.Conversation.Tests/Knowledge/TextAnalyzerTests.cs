using SelfServiceBot.Knowledge.Text;

namespace SelfServiceBot.Conversation.Tests.Knowledge;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("How do I track my order?", "track order")]
    [InlineData("Tracking my ORDERS", "track order")]
    [InlineData("Where's my parcel? It hasn't arrived", "wher parcel arriv")]
    [InlineData("cancelled cancelling cancellation cancel", "cancel cancel cancel cancel")]
    [InlineData("deliveries delivery delivered", "deliver deliver deliver")]
    [InlineData("Ｏｒｄｅｒ？", "order")]
    public void English_is_lower_cased_stemmed_and_loses_its_stop_words(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), TextAnalyzer.Tokenize(text));
    }

    [Theory]
    [InlineData("查询订单", "查 查询 询 询订 订 订单 单")]
    [InlineData("我的订单到哪里了？", "订 订单 单 单到 到 到哪 哪 哪里 里")]
    [InlineData("我要退款", "退 退款 款")]
    [InlineData("是", "")]
    public void Chinese_becomes_characters_and_bigrams_split_at_function_characters(string text, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), TextAnalyzer.Tokenize(text));
    }

    [Fact]
    public void Mixed_text_keeps_both_scripts()
    {
        Assert.Equal(["paypal", "付", "付款", "款"], TextAnalyzer.Tokenize("PayPal付款"));
    }

    [Fact]
    public void Nothing_but_stop_words_gives_no_tokens()
    {
        Assert.Empty(TextAnalyzer.Tokenize("how do I?"));
    }
}
