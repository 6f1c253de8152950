using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Evaluation;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Tests.Evaluation;

/// <summary>
/// The sample knowledge base against its own labelled cases (knowledgebase/eval), as <c>kb eval</c> runs
/// them: a quality floor, so a change that makes answers worse fails here, not in front of customers.
/// The floors sit a few points under what docs/knowledge.md reports.
/// </summary>
public sealed class SampleKnowledgeBaseQualityTests
{
    private static readonly Lazy<TemporaryEngine> Engine = new(() => TemporaryEngine.Build(KnowledgeSource.Load(SampleKnowledgeBase.Path)));

    [Theory]
    [InlineData("en", 0.76, 0.06, 0.88, 0.65)]
    [InlineData("zh-CN", 0.88, 0.06, 0.82, 0.85)]
    public async Task Answers_stay_accurate_and_out_of_scope_questions_stay_unanswered(string locale, double minTop1,
        double maxWrongAnswer, double minOutOfScopeHandoff, double minReachable)
    {
        var cases = EvaluationCase.ReadJsonLines(Path.Combine(SampleKnowledgeBase.Path, "eval", locale + ".jsonl"));
        var thresholds = new KnowledgeOptions().ThresholdsFor(locale);

        var report = await EvaluationRunner.RunAsync(Engine.Value.Engine, cases, thresholds, locale, sweep: false, indexMs: 0);

        Assert.True(report.InScope >= 150, $"only {report.InScope} in-scope cases");
        Assert.True(report.Top1 >= minTop1, $"top1 {report.Top1}");
        Assert.True(report.WrongAnswer <= maxWrongAnswer, $"wrong_answer {report.WrongAnswer}");
        Assert.True(report.OosHandoff >= minOutOfScopeHandoff, $"oos_handoff {report.OosHandoff}");
        // With the default clarify threshold most customers whose article is ranked first but without confidence are
        // offered it (at 35 this was 0.49 in English, 0.74 in Chinese), and the price stays bounded: a quarter of the
        // out-of-scope questions at most get "Did you mean" before a person is offered.
        Assert.True(report.Reachable >= minReachable, $"reachable {report.Reachable}");
        Assert.True(report.OosClarify <= 0.3, $"oos_clarify {report.OosClarify}");
    }

    /// <summary>
    /// With the local sentence encoder (what the server ranks with by default): the targets for the English
    /// sample (top1 0.88, reachable 0.85, wrong answers 0.04), out-of-scope questions still handed off.
    /// </summary>
    [Fact]
    public async Task English_with_the_local_sentence_encoder_answers_more_and_keeps_rejecting_what_it_cannot_answer()
    {
        var cases = EvaluationCase.ReadJsonLines(Path.Combine(SampleKnowledgeBase.Path, "eval", "en.jsonl"));
        using var encoder = (IDisposable)SentenceEncoders.Create(new EmbeddingOptions())!;
        using var hybrid = TemporaryEngine.Build(KnowledgeSource.Load(SampleKnowledgeBase.Path), encoder: (ISentenceEncoder)encoder);

        var report = await EvaluationRunner.RunAsync(hybrid.Engine, cases, new KnowledgeOptions().ThresholdsFor("en"), "en", sweep: false, indexMs: 0);

        Assert.True(report.Top1 >= 0.88, $"top1 {report.Top1}");
        Assert.True(report.Reachable >= 0.85, $"reachable {report.Reachable}");
        Assert.True(report.WrongAnswer <= 0.04, $"wrong_answer {report.WrongAnswer}");
        Assert.True(report.OosHandoff >= 0.90, $"oos_handoff {report.OosHandoff}");
    }

    [Fact]
    public async Task Chinese_questions_with_a_word_typed_as_a_wrong_homophone_still_find_their_article()
    {
        var cases = EvaluationCase.ReadJsonLines(Path.Combine(SampleKnowledgeBase.Path, "eval", "zh-CN-typos.jsonl"));

        var report = await EvaluationRunner.RunAsync(Engine.Value.Engine, cases, new KnowledgeOptions().ThresholdsFor("zh-CN"), "zh-CN", sweep: false, indexMs: 0);

        Assert.True(report.Top1 >= 0.95, $"top1 {report.Top1}");
        Assert.True(report.AnsweredCorrect >= 0.8, $"answered_correct {report.AnsweredCorrect}");
    }

    [Fact]
    public async Task The_sweep_covers_every_threshold_and_answers_less_as_the_threshold_rises()
    {
        var cases = EvaluationCase.ReadJsonLines(Path.Combine(SampleKnowledgeBase.Path, "eval", "en.jsonl"));

        var report = await EvaluationRunner.RunAsync(Engine.Value.Engine, cases, new KnowledgeOptions().ThresholdsFor("en"), "en", sweep: true, indexMs: 0);

        Assert.Equal(Enumerable.Range(0, 101), report.Sweep!.Select(p => p.Threshold));
        var answered = report.Sweep!.Select(p => p.AnsweredCorrect!.Value + p.WrongAnswer!.Value * report.Cases / report.InScope).ToList();
        Assert.True(answered.Zip(answered.Skip(1)).All(pair => pair.First >= pair.Second - 1e-9));
    }
}
