using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Analysis;

namespace SelfServiceBot.Knowledge.Tests;

public class KnowledgeOptionsChineseAnalysisTests
{
    private static KnowledgeOptions Bind(string? value)
    {
        var settings = new Dictionary<string, string?>();
        if (value is not null)
        {
            settings["Knowledge:ChineseAnalysis"] = value;
        }
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddKnowledge();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
    }

    [Theory]
    [InlineData(null, ChineseAnalysis.Bigrams)]
    [InlineData("Words", ChineseAnalysis.Words)]
    [InlineData("wordsandbigrams", ChineseAnalysis.WordsAndBigrams)]
    public void Knowledge_ChineseAnalysis_is_bound_from_configuration(string? value, ChineseAnalysis expected) =>
        Assert.Equal(expected, Bind(value).ChineseAnalysis);

    [Fact]
    public void A_name_that_is_not_a_mode_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind("Sentences"));

        Assert.Contains("Knowledge:ChineseAnalysis", error.Message);
    }

    [Fact]
    public void A_number_that_is_not_a_mode_fails_validation()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind("7"));

        Assert.Contains("ChineseAnalysis is Bigrams, Words or WordsAndBigrams", error.Message);
    }
}
