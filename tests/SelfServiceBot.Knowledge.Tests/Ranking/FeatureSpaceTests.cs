using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Knowledge.Tests.Ranking;

public sealed class FeatureSpaceTests
{
    private static readonly string[][] Training =
    [
        ["where", "my", "parcel"],
        ["refund", "not", "receiv"],
        ["订单", "订", "单", "取消"],
        ["x", "2fa", "code", "a1"],
    ];

    private static readonly FeatureSpace Space = FeatureSpace.Build(Training);

    [Fact]
    public void A_training_question_finds_every_one_of_its_features_words_pairs_and_character_grams()
    {
        foreach (var tokens in Training)
        {
            var vector = Space.Vectorize(tokens);

            Assert.Equal(FeatureSpace.Features(tokens).Distinct().Count(), vector.Indices.Length);
            Assert.Equal(1.0, Math.Sqrt(vector.Values.Sum(v => (double)v * v)), precision: 5);
        }
    }

    [Fact]
    public void Only_known_features_count_so_a_typo_keeps_the_grams_it_shares()
    {
        var typo = Space.Vectorize(["refnud"]);
        var unknown = Space.Vectorize(["zzzz"]);

        // Only the character grams both spellings have ("#<re", "#<ref") are features of the typo.
        var shared = FeatureSpace.Features(["refnud"]).Intersect(FeatureSpace.Features(["refund"])).Count();
        Assert.Equal(shared, typo.Indices.Length);
        Assert.True(shared > 0);
        Assert.True(unknown.IsEmpty);
    }

    [Fact]
    public void Repeating_a_word_is_weaker_than_twice_the_evidence()
    {
        var once = Space.Vectorize(["refund", "parcel"]);
        var twice = Space.Vectorize(["refund", "refund", "parcel"]);

        Assert.Equal(once.Indices, twice.Indices);
        Assert.NotEqual(once.Values, twice.Values);
    }
}
