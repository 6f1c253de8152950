using SelfServiceBot.Knowledge.Decisions;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Evaluation;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Tests.Evaluation;

/// <summary>
/// What <c>kb eval</c> counts as reachable (answered with the expected article, or offered it under "Did you mean") and as
/// an out-of-scope clarify, on a knowledge base small enough to know every decision: thresholds at the extremes make
/// every ranked message an answer or every one a "Did you mean".
/// </summary>
public sealed class EvaluationOutcomeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ssb-eval-outcomes-").FullName;

    private static readonly EvaluationCase[] Cases =
    [
        new("where is my parcel now", "track"),
        new("I have not received my refund", "refund"),
        new("forgot my password", "refund"), // ranked: the password article, never the refund one first
        new("my parcel has not arrived and I want a refund", null),
    ];

    [Fact]
    public async Task When_everything_is_offered_as_a_choice_reachable_counts_the_choices_that_hold_the_article()
    {
        using var engine = Build();
        // Answer at 101 is never reached: every message with a ranked article gets "Did you mean" (clarify 0).
        var report = await EvaluationRunner.RunAsync(engine.Engine, Cases, new Thresholds(101, 0, 0), "en", sweep: false, indexMs: 0);

        Assert.Equal(0, report.AnsweredCorrect);
        Assert.Equal(1.0, report.Clarify);
        Assert.Equal(1.0, report.OosClarify);
        var hits = Cases.Where(c => c.Expected is not null).Count(c => InChoices(engine, c));
        Assert.Equal(Math.Round(hits / 3.0, 4), report.Reachable);
        Assert.Equal(report.ClarifyHit, report.Reachable);
    }

    [Fact]
    public async Task When_nothing_is_clarified_reachable_is_answered_correct_and_no_out_of_scope_message_is_clarified()
    {
        using var engine = Build();
        var report = await EvaluationRunner.RunAsync(engine.Engine, Cases, new Thresholds(0, 0, 0), "en", sweep: false, indexMs: 0);

        Assert.Equal(0, report.Clarify);
        Assert.Equal(0, report.OosClarify);
        Assert.Equal(report.AnsweredCorrect, report.Reachable);
        Assert.Equal(Math.Round(2 / 3.0, 4), report.Reachable);
    }

    [Fact]
    public async Task An_answerable_case_that_got_no_match_is_a_failure_for_authors_even_when_its_article_ranked_first()
    {
        using var engine = Build();
        EvaluationCase[] cases = [new("where is my parcel", "track"), new("where is my parcel now please tell me", "track")];

        // Only an exact phrasing (confidence 100) is answered; anything less is no match.
        var report = await EvaluationRunner.RunAsync(engine.Engine, cases, new Thresholds(100, 100, 0), "en", sweep: false, indexMs: 0);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("where is my parcel now please tell me", failure.Text);
        Assert.Equal("nomatch", failure.Decision);
        Assert.Equal(1, failure.ExpectedRank);
    }

    private static bool InChoices(TemporaryEngine engine, EvaluationCase c) =>
        KnowledgeDecisionPolicy.Decide(engine.Engine.Rank(c.Text, "en"), new Thresholds(101, 0, 0)).Candidates.Any(x => x.ArticleId == c.Expected);

    private TemporaryEngine Build()
    {
        var path = Path.Combine(_folder, "kb.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"track","title":"Track my order","answer":"a","questions":["where is my parcel","has my order shipped","tracking number please"]}""",
            """{"id":"refund","title":"Where is my refund","answer":"b","questions":["refund not received","money back when","when do I get refunded"]}""",
            """{"id":"password","title":"Reset my password","answer":"c","questions":["forgot password","cannot sign in","password reset link"]}""",
        ]);
        return TemporaryEngine.Build(KnowledgeSource.Load(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
