using System.Diagnostics;
using System.Diagnostics.Metrics;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge.Diagnostics;

/// <summary>The knowledge engine's span (a search, with its decision) and its meter: search latency by decision.</summary>
public static class KnowledgeTelemetry
{
    public const string Name = "SelfServiceBot.Knowledge";

    public static readonly ActivitySource Source = new(Name);

    public const string SearchSpan = "ssb.knowledge.search";

    /// <summary>answer, clarify or no_match (<see cref="DecisionName"/>).</summary>
    public const string DecisionAttribute = "ssb.knowledge.decision";
    /// <summary>The best candidate's calibrated confidence, 0-100.</summary>
    public const string ConfidenceAttribute = "ssb.knowledge.confidence";
    /// <summary>The best candidate's article id (an id from the knowledge base, never the customer's words).</summary>
    public const string ArticleIdAttribute = "ssb.knowledge.article_id";
    /// <summary>The conversation's language, e.g. en or zh-CN.</summary>
    public const string LocaleAttribute = "ssb.locale";

    /// <summary>The stored names of the decisions, as the events and the cost module spell them.</summary>
    public static string DecisionName(KnowledgeDecision decision) => decision switch
    {
        KnowledgeDecision.Answer => "answer",
        KnowledgeDecision.Clarify => "clarify",
        _ => "no_match",
    };
}

/// <summary>Search latency, made by the host's <see cref="IMeterFactory"/> (see BotFrameworkMetrics for why).</summary>
public sealed class KnowledgeMetrics
{
    private readonly Histogram<double> _searchDuration;

    public KnowledgeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(KnowledgeTelemetry.Name);
        _searchDuration = meter.CreateHistogram("ssb.knowledge.search.duration", "ms", "How long a knowledge search took, by decision",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000] });
    }

    public void Searched(TimeSpan elapsed, KnowledgeDecision decision)
    {
        if (_searchDuration.Enabled)
        {
            _searchDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>(KnowledgeTelemetry.DecisionAttribute, KnowledgeTelemetry.DecisionName(decision)));
        }
    }
}
