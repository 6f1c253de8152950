using System.Text.Json;
using System.Text.Json.Serialization;
using SelfServiceBot.Costs.Model;

namespace SelfServiceBot.Costs.Reports;

/// <summary>
/// The report, named as in the contract (snake_case; L, P, m, H as written there). Ratios with a zero denominator are null.
/// Money is unrounded decimal; only displays round.
/// </summary>
public sealed record CostReport
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public required string From { get; init; }
    public required string To { get; init; }
    /// <summary>
    /// <c>file</c>, <c>configuration</c>, or <c>stored:ID</c>; when versions change inside the period, each part's source in
    /// time order, joined by ", ".
    /// </summary>
    public required string ModelSource { get; init; }
    /// <summary>The model valid on the period's first day; every model used is in <see cref="ModelVersions"/>.</summary>
    public required CostModel Model { get; init; }
    /// <summary>One entry per part of the period priced with one model version (one entry when no version starts inside it).</summary>
    public required IReadOnlyList<ModelVersionUsed> ModelVersions { get; init; }

    public long Contacts { get; init; }
    public long Engaged { get; init; }
    public long Deflected { get; init; }
    public long DeflectedConfirmed { get; init; }
    public long DeflectedAssumed { get; init; }
    public long Escalated { get; init; }
    public long Abandoned { get; init; }
    public long Unengaged { get; init; }
    public long HumanDirect { get; init; }
    public long Recontacted { get; init; }
    public long DurableDeflected { get; init; }

    public decimal? DeflectionRate { get; init; }
    public decimal? DurableDeflectionRate { get; init; }
    public decimal? EscalationRate { get; init; }
    public decimal? AbandonmentRate { get; init; }
    public decimal? ContainmentRate { get; init; }

    public decimal Months { get; init; }
    [JsonPropertyName("L")] public decimal L { get; init; }
    [JsonPropertyName("P")] public decimal P { get; init; }
    [JsonPropertyName("m")] public decimal? M { get; init; }
    [JsonPropertyName("H")] public decimal H { get; init; }

    public decimal? HumanCpc { get; init; }
    public decimal? HumanCpcAllocated { get; init; }
    public decimal BotFixed { get; init; }
    public decimal BotVariable { get; init; }
    /// <summary>The tokens of the period's engaged contacts' model calls (what bot_variable prices).</summary>
    public long LlmInputTokens { get; init; }
    public long LlmOutputTokens { get; init; }
    /// <summary>The model's part of bot_variable (the tokens priced), without per_session_cost.</summary>
    public decimal LlmSpend { get; init; }
    public decimal BotTotal { get; init; }
    public decimal? BotCpc { get; init; }
    public decimal? CostPerDeflection { get; init; }
    public decimal? GrossSavings { get; init; }
    public decimal? NetSavings { get; init; }
    public decimal? Roi { get; init; }
    public decimal? HumanTotal { get; init; }
    public decimal? BlendedCpc { get; init; }
    public decimal? SavingsPerContact { get; init; }
    public decimal? PaybackMonths { get; init; }

    public required IReadOnlyList<SegmentRow> ByChannel { get; init; }
    public required IReadOnlyList<SegmentRow> ByLocale { get; init; }
    public required IReadOnlyList<CategoryRow> ByCategory { get; init; }
    public required IReadOnlyList<ArticleRow> ByArticle { get; init; }
    public required IReadOnlyList<ReasonRow> ByEscalationReason { get; init; }
    public required CsatReport Csat { get; init; }
    public BudgetReport? Budget { get; init; }
    public required TrendReport Trend { get; init; }

    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? new JsonSerializerOptions(Json) { WriteIndented = true } : Json);
}

/// <summary>
/// A part [from, to) of the report period, the model valid in it, and the intensive figures that priced its contacts
/// (L, P, m, H and human_cpc of that part alone).
/// </summary>
public sealed record ModelVersionUsed(
    string From, string To, decimal Months, string ModelSource, [property: JsonPropertyName("L")] decimal L,
    [property: JsonPropertyName("P")] decimal P, [property: JsonPropertyName("m")] decimal? M, [property: JsonPropertyName("H")] decimal H,
    decimal? HumanCpc, CostModel Model);

/// <summary>A channel or locale: its contacts by outcome, rates over its engaged contacts, human cost and savings.</summary>
public sealed record SegmentRow(
    string Key, long Contacts, long Engaged, long Deflected, long DurableDeflected, long Escalated, long Abandoned, long Unengaged,
    long HumanDirect, decimal? DeflectionRate, decimal? EscalationRate, decimal? HumanCost, decimal? GrossSavings);

/// <summary>A category in Pareto order (human cost, descending) with its ABC class.</summary>
public sealed record CategoryRow(
    string Category, long Contacts, long Deflected, long DurableDeflected, long Escalated, long HumanDirect, decimal? HumanCost,
    decimal? Share, decimal? CumulativeShare, string Abc, decimal? Savings);

public sealed record ArticleRow(string ArticleId, long Deflected, long DurableDeflected, long Escalated, decimal? Savings);

public sealed record ReasonRow(string Reason, long Count, decimal? HumanCost);

public sealed record CsatReport(CsatRow BotOnly, CsatRow Escalated, CsatRow HumanDirect);

public sealed record CsatRow(long Responses, decimal? Mean, [property: JsonPropertyName("share_4_5")] decimal? Share45);

public sealed record BudgetReport(BudgetRow? Human, BudgetRow? Bot);

/// <summary>variance = actual - budget x months; variance_share = variance / (budget x months).</summary>
public sealed record BudgetRow(decimal MonthlyBudget, decimal Budget, decimal? Actual, decimal? Variance, decimal? VarianceShare);

/// <param name="LlmByMonth">Every calendar month the period overlaps (a partial first or last month only for its days in
/// the period): the model's tokens and spend of the contacts that started in it.</param>
public sealed record TrendReport(string Granularity, IReadOnlyList<TrendPoint> Points, IReadOnlyList<LlmMonth> LlmByMonth);

/// <summary>One month of <see cref="TrendReport.LlmByMonth"/>: <c>month</c> is <c>YYYY-MM</c>.</summary>
public sealed record LlmMonth(string Month, long LlmInputTokens, long LlmOutputTokens, decimal LlmSpend);

public sealed record TrendPoint(
    string Start, long Contacts, long Deflected, long DurableDeflected, long Escalated, long Abandoned, long Unengaged, long HumanDirect,
    decimal? GrossSavings);
