using System.Text.Json.Serialization;

namespace SelfServiceBot.Knowledge.Evaluation;

/// <summary>What <c>kb eval --json</c> prints; the names are the contract (snake_case).</summary>
public sealed record EvaluationReport
{
    [JsonPropertyName("cases")] public int Cases { get; init; }
    [JsonPropertyName("in_scope")] public int InScope { get; init; }
    [JsonPropertyName("out_of_scope")] public int OutOfScope { get; init; }
    [JsonPropertyName("top1")] public double? Top1 { get; init; }
    [JsonPropertyName("top3")] public double? Top3 { get; init; }
    [JsonPropertyName("answered_correct")] public double? AnsweredCorrect { get; init; }
    [JsonPropertyName("wrong_answer")] public double? WrongAnswer { get; init; }
    [JsonPropertyName("clarify")] public double? Clarify { get; init; }
    [JsonPropertyName("clarify_hit")] public double? ClarifyHit { get; init; }
    [JsonPropertyName("oos_handoff")] public double? OosHandoff { get; init; }

    /// <summary>
    /// In-scope cases the customer gets the expected article from: answered with it, or offered it under "Did you mean"
    /// (answered_correct + clarified in-scope cases that hit, over in_scope). What the clarify threshold buys.
    /// </summary>
    [JsonPropertyName("reachable")] public double? Reachable { get; init; }

    /// <summary>Out-of-scope cases that got "Did you mean" (one more step before a person is offered) / out_of_scope; what it costs.</summary>
    [JsonPropertyName("oos_clarify")] public double? OosClarify { get; init; }
    [JsonPropertyName("p50_ms")] public double P50Ms { get; init; }
    [JsonPropertyName("p99_ms")] public double P99Ms { get; init; }
    [JsonPropertyName("index_ms")] public double IndexMs { get; init; }
    [JsonPropertyName("answer_threshold")] public int AnswerThreshold { get; init; }
    [JsonPropertyName("clarify_threshold")] public int ClarifyThreshold { get; init; }
    [JsonPropertyName("articles")] public int Articles { get; init; }

    /// <summary><c>lexical</c> or <c>hybrid</c> (dense similarity from <see cref="Encoder"/> fused in where it covers the language).</summary>
    [JsonPropertyName("retrieval")] public string Retrieval { get; init; } = "lexical";

    /// <summary>The sentence encoder's model id (e.g. <c>local/all-MiniLM-L6-v2/384</c>); null when lexical.</summary>
    [JsonPropertyName("encoder")] public string? Encoder { get; init; }

    /// <summary>How many cases were ranked in each locale (given by the case, by --locale, or routed by script).</summary>
    [JsonPropertyName("locales")] public IReadOnlyDictionary<string, int>? Locales { get; init; }
    [JsonPropertyName("calibration")] public IReadOnlyList<CalibrationBin>? Calibration { get; init; }
    [JsonPropertyName("sweep")] public IReadOnlyList<SweepPoint>? Sweep { get; init; }

    /// <summary>
    /// Memory allocated per message while ranking (KB): what drives garbage collections, hence the latency tail.
    /// Unlike times, it does not move with the machine's load. Not part of the report's JSON.
    /// </summary>
    [JsonIgnore] public double AllocatedKbPerMessage { get; init; }

    /// <summary>The cases that went wrong, for <c>--failures</c>; not part of the report's JSON.</summary>
    [JsonIgnore] public IReadOnlyList<EvaluationFailure> Failures { get; init; } = [];
}

/// <summary>In-scope cases whose best article had a confidence in [from, to): how often that article was right.</summary>
public sealed record CalibrationBin(
    [property: JsonPropertyName("from")] int From,
    [property: JsonPropertyName("to")] int To,
    [property: JsonPropertyName("cases")] int Cases,
    [property: JsonPropertyName("top1")] double? Top1);

/// <summary>The outcome if the answer threshold were <see cref="Threshold"/> (clarify threshold and margin unchanged).</summary>
public sealed record SweepPoint(
    [property: JsonPropertyName("threshold")] int Threshold,
    [property: JsonPropertyName("answered_correct")] double? AnsweredCorrect,
    [property: JsonPropertyName("wrong_answer")] double? WrongAnswer,
    [property: JsonPropertyName("clarify")] double? Clarify,
    [property: JsonPropertyName("oos_handoff")] double? OosHandoff);
