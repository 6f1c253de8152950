using System.Diagnostics;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Analysis;
using SelfServiceBot.Knowledge.Decisions;
using SelfServiceBot.Knowledge.Diagnostics;
using SelfServiceBot.Knowledge.Engine;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// The conversation's view of the knowledge engine: rank, decide with the locale's thresholds, in the
/// languages the message could be written in first (one with Chinese characters in Chinese, one without in
/// the others), then the conversation's own language. So an English "Where is my refund?" in a zh-CN
/// conversation gets the English article the customer can read, not a Chinese one that mentions "refund";
/// a Chinese message in an English conversation gets the Chinese one. The first answer wins, else the
/// first "Did you mean".
/// </summary>
public sealed class LuceneKnowledgeSearch(
    KnowledgeEngineProvider provider, IOptionsMonitor<KnowledgeOptions> options, KnowledgeMetrics? metrics = null) : IKnowledgeSearch
{
    private const string Chinese = "zh";

    public async Task<KnowledgeResult> SearchAsync(string text, string locale, CancellationToken cancellationToken)
    {
        using var span = KnowledgeTelemetry.Source.StartActivity(KnowledgeTelemetry.SearchSpan);
        var started = Stopwatch.GetTimestamp();
        var result = await DecideAsync(text, locale, cancellationToken);
        metrics?.Searched(Stopwatch.GetElapsedTime(started), result.Decision);
        if (span is not null)
        {
            span.SetTag(KnowledgeTelemetry.LocaleAttribute, locale);
            span.SetTag(KnowledgeTelemetry.DecisionAttribute, KnowledgeTelemetry.DecisionName(result.Decision));
            if (result.Best is { } best)
            {
                span.SetTag(KnowledgeTelemetry.ConfidenceAttribute, best.Confidence);
                span.SetTag(KnowledgeTelemetry.ArticleIdAttribute, best.ArticleId);
            }
        }
        return result;
    }

    private async Task<KnowledgeResult> DecideAsync(string text, string locale, CancellationToken cancellationToken)
    {
        var engine = await provider.GetAsync(cancellationToken);
        if (engine is null)
        {
            return KnowledgeResult.NoMatch;
        }
        var settings = options.CurrentValue;
        var own = KnowledgeEngine.LanguageOf(locale);
        var written = ScriptOf.HasHan(text);
        var inScript = new[] { own }.Concat(engine.OtherLanguages(locale)).Where(l => (l == Chinese) == written);
        var languages = inScript.Append(own).Distinct();
        KnowledgeResult? choices = null;
        foreach (var language in languages)
        {
            var result = KnowledgeDecisionPolicy.Decide(await engine.RankAsync(text, language, cancellationToken: cancellationToken),
                settings.ThresholdsFor(language == own ? locale : language));
            if (result.Decision == KnowledgeDecision.Answer)
            {
                return result;
            }
            if (result.Decision == KnowledgeDecision.Clarify)
            {
                choices ??= result;
            }
        }
        return choices ?? KnowledgeResult.NoMatch;
    }

    public async Task<IReadOnlyList<KnowledgeCandidate>> RelatedAsync(string articleId, string locale, int max, CancellationToken cancellationToken)
    {
        var engine = await provider.GetAsync(cancellationToken);
        if (engine?.Find(articleId, locale) is not { } article)
        {
            return [];
        }
        return article.Related
            .Where(id => id != articleId)
            .Select(id => engine.Find(id, article.Locale))
            .OfType<Articles.KnowledgeArticle>()
            .Take(max)
            .Select(a => new KnowledgeCandidate(a.Id, a.Title, a.Body, 0, a.Category, a.Locale))
            .ToList();
    }
}
