using SelfServiceBot.Knowledge.Analysis;

namespace SelfServiceBot.Knowledge.Tests.Analysis;

public class KnowledgeAnalyzerTests
{
    private static readonly KnowledgeAnalyzer Plain = new();

    [Theory]
    [InlineData("Where is my ORDER?", new[] { "where", "my", "order" })]
    [InlineData("The customer's parcels", new[] { "custom", "parcel" })]
    [InlineData("refund not received", new[] { "refund", "not", "receiv" })]
    [InlineData("How do I log in", new[] { "how", "do", "i", "log", "in" })]
    public void English_is_lower_cased_stemmed_and_loses_only_empty_words(string text, string[] expected) =>
        Assert.Equal(expected, Plain.Tokens(text));

    [Theory]
    [InlineData("My card hasn't arrived", "My card has not arrived")]
    [InlineData("I can’t log in", "I can not log in")]
    [InlineData("I cannot log in", "I can not log in")]
    [InlineData("It WON'T work", "It will not work")]
    [InlineData("I've been charged twice", "I have been charged twice")]
    [InlineData("Didn't get my refund", "Did not get my refund")]
    public void English_contractions_are_spelled_out(string contracted, string spelled) =>
        Assert.Equal(Plain.Tokens(spelled), Plain.Tokens(contracted));

    [Fact]
    public void A_contraction_keeps_its_not_so_negated_questions_stay_apart()
    {
        Assert.Equal(["order", "not", "ship"], Plain.Tokens("order wasn't shipped"));
        Assert.Equal(["order", "ship"], Plain.Tokens("order was shipped"));
    }

    [Fact]
    public void Chinese_gives_unigrams_and_bigrams_of_adjacent_characters()
    {
        Assert.Equal(["退", "退款", "款"], Plain.Tokens("退款"));
    }

    [Fact]
    public void A_Chinese_stop_character_breaks_the_bigram_across_it()
    {
        var tokens = Plain.Tokens("我的订单");
        Assert.DoesNotContain("的订", tokens);
        Assert.Contains("订单", tokens);
        Assert.DoesNotContain("的", tokens);
    }

    [Fact]
    public void Mixed_script_text_analyses_each_part_in_its_own_way()
    {
        var tokens = Plain.Tokens("订单号在哪看 order numbers");
        Assert.Contains("订单", tokens);
        Assert.Contains("在哪", tokens);
        Assert.Contains("order", tokens);
        Assert.Contains("number", tokens);
    }

    [Fact]
    public void Full_width_latin_is_folded_to_ascii()
    {
        Assert.Equal(["iphon"], Plain.Tokens("ＩＰｈｏｎｅ"));
    }

    [Fact]
    public void Latin_synonyms_reduce_to_the_first_term_after_stemming()
    {
        var analyzer = new KnowledgeAnalyzer(SynonymTable.Parse("parcel, package, shipment\nmoney back => refund"));
        Assert.Equal(["where", "parcel"], analyzer.Tokens("where packages"));
        Assert.Equal(["want", "my", "refund"], analyzer.Tokens("want my money back"));
    }

    [Fact]
    public void Chinese_synonyms_are_replaced_in_the_text_before_bigrams()
    {
        var analyzer = new KnowledgeAnalyzer(SynonymTable.Parse("快递, 包裹"));
        Assert.Contains("快递", analyzer.Tokens("我的包裹到哪了"));
        Assert.DoesNotContain("包裹", analyzer.Tokens("我的包裹到哪了"));
    }

    [Fact]
    public void Bad_synonym_lines_are_reported_and_the_rest_apply()
    {
        var table = SynonymTable.Parse("# comment\nlonely\na, b => c => d\nparcel, package");
        Assert.Equal(2, table.Problems.Count);
        Assert.StartsWith("line 2:", table.Problems[0]);
        Assert.Single(table.Groups);
    }
}
