using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Decisions;
using SelfServiceBot.Knowledge.Ranking;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Tests.Decisions;

public class KnowledgeDecisionPolicyTests
{
    private static readonly Thresholds Defaults = new(Answer: 50, Clarify: 35, AmbiguityMargin: 8);

    [Fact]
    public void A_confident_best_article_well_ahead_is_answered()
    {
        var result = KnowledgeDecisionPolicy.Decide(Ranked(["where is my parcel"], ("a", 80, 0.6), ("b", 30, 0.4)), Defaults);

        Assert.Equal(KnowledgeDecision.Answer, result.Decision);
        Assert.Equal(["a", "b"], result.Candidates.Select(c => c.ArticleId));
    }

    [Fact]
    public void Did_you_mean_leaves_out_articles_below_half_the_clarify_level()
    {
        var result = KnowledgeDecisionPolicy.Decide(Ranked(["parcel", "late", "again", "today"], ("a", 40, 0.9), ("b", 20, 0.9), ("c", 10, 0.9)), Defaults);

        Assert.Equal(KnowledgeDecision.Clarify, result.Decision);
        Assert.Equal(["a", "b"], result.Candidates.Select(c => c.ArticleId));
    }

    [Fact]
    public void A_topic_word_alone_offers_every_article_whose_phrasing_holds_it_whatever_their_confidence()
    {
        var ranked = Ranked(["return"], ("return-item", 25, 1.0), ("return-label", 15, 1.0), ("return-in-store", 12, 1.0), ("refund", 30, 0.5));

        var result = KnowledgeDecisionPolicy.Decide(ranked, Defaults);

        Assert.Equal(KnowledgeDecision.Clarify, result.Decision);
        Assert.Equal(["return-item", "return-label", "return-in-store"], result.Candidates.Select(c => c.ArticleId));
    }

    [Fact]
    public void A_weak_best_article_for_a_longer_message_is_no_match()
    {
        var result = KnowledgeDecisionPolicy.Decide(Ranked(["meaning", "of", "life", "universe"], ("a", 20, 0.3)), Defaults);

        Assert.Equal(KnowledgeDecision.NoMatch, result.Decision);
    }

    private static RankedResult Ranked(string[] terms, params (string Id, int Confidence, double MessageCoverage)[] articles) =>
        new(articles.Select(a => new RankedArticle
        {
            Article = new KnowledgeArticle { Id = a.Id, Title = a.Id, Category = "c", Locale = "en", Body = "answer", SourcePath = "" },
            Score = a.Confidence / 100.0,
            QuestionScore = 1,
            BodyScore = 0,
            ClassifierProbability = a.Confidence / 100.0,
            MessageCoverage = a.MessageCoverage,
            PhrasingCoverage = 0.5,
            Confidence = a.Confidence,
        }).ToList(), terms, new Dictionary<string, string>());
}
