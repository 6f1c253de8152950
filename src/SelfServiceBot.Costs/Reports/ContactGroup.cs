namespace SelfServiceBot.Costs.Reports;

/// <summary>One row of the report's one aggregate query: the contacts sharing every breakdown key and outcome.</summary>
public sealed class ContactGroup
{
    public string? ChannelId { get; init; }
    public string? Locale { get; init; }
    public string? Category { get; init; }
    public string? ArticleId { get; init; }
    public string? EscalationReason { get; init; }
    public required string Outcome { get; init; }
    public bool Recontacted { get; init; }
    public long Count { get; init; }
    public long HandleMilliseconds { get; init; }
    public long HandleCount { get; init; }
    public long LlmInputTokens { get; init; }
    public long LlmOutputTokens { get; init; }
    public long CsatSum { get; init; }
    public long CsatCount { get; init; }
    public long CsatHigh { get; init; }
}

/// <summary>A row of the trend query: contacts per day (or week) and outcome.</summary>
public sealed class TrendGroup
{
    public int Day { get; init; }
    public required string Outcome { get; init; }
    public bool Recontacted { get; init; }
    public long Count { get; init; }
    public long LlmInputTokens { get; init; }
    public long LlmOutputTokens { get; init; }
}
