using System.Text.Json.Serialization;

namespace SelfServiceBot.Knowledge.Evaluation;

/// <summary>
/// A case the knowledge base got wrong, as <c>kb eval --failures FILE</c> lists it for authors (one JSON line each):
/// the expected article was not ranked first, another article was answered, an out-of-scope message was answered, or an
/// answerable one got no match (offered a person) though its article ranked first: more phrasings would have answered it.
/// </summary>
public sealed record EvaluationFailure(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("expected")] string? Expected,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("expected_rank")] int? ExpectedRank,
    [property: JsonPropertyName("ranked")] IReadOnlyList<EvaluationCandidate> Ranked);

/// <summary>One of the best articles for a failed case, with its confidence.</summary>
public sealed record EvaluationCandidate(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("confidence")] int Confidence);
