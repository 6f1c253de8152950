namespace SelfServiceBot.Costs.Storage;

/// <summary>
/// One customer contact in the cost ledger (../shared/design/cost-model.md): built from conversation events by the
/// cost module's projection, imported from CSV, or generated as demo data. Columns the report aggregates are integers
/// (milliseconds, tokens, day numbers) so SQLite can sum them in SQL.
/// </summary>
public sealed class ContactRecord
{
    public long Id { get; set; }
    /// <summary><c>bot</c>, <c>import</c> or <c>demo</c>; with <see cref="ContactKey"/> unique.</summary>
    public required string Source { get; set; }
    /// <summary>The imported contact_id, or for bot contacts the id of the event that started it.</summary>
    public required string ContactKey { get; set; }
    public string? CustomerId { get; set; }
    public string? ChannelId { get; set; }
    public string? ConversationId { get; set; }
    public string? Locale { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Days since 1970-01-01 of <see cref="StartedAt"/> (UTC), for day and week trends in SQL.</summary>
    public int StartedDay { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    /// <summary>The final outcome; null while an open contact has none yet (escalated is final as soon as it happens).</summary>
    public string? Outcome { get; set; }
    public bool IsOpen { get; set; }
    public string? Category { get; set; }
    /// <summary>The article that answered (the one rated helpful, else the last shown).</summary>
    public string? ArticleId { get; set; }
    /// <summary>Every article shown, comma-separated, in order.</summary>
    public string? ArticlesShown { get; set; }
    public int? Confidence { get; set; }
    public bool HasCustomerMessage { get; set; }
    public bool AnswerShown { get; set; }
    public bool HelpfulFeedback { get; set; }
    public bool UnhelpfulFeedback { get; set; }
    /// <summary>A live hand-off is requested but not yet resolved, handed back, cancelled or turned into a ticket.</summary>
    public bool HandoffPending { get; set; }
    public string? HandoffReference { get; set; }
    public string? EscalationReason { get; set; }
    public long? HandleMilliseconds { get; set; }
    public int? Csat { get; set; }
    public long LlmInputTokens { get; set; }
    public long LlmOutputTokens { get; set; }
    /// <summary>Set for deflected contacts: a later contact of the same customer starts in (start, end].</summary>
    public DateTimeOffset? RecontactWindowStart { get; set; }
    public DateTimeOffset? RecontactWindowEnd { get; set; }
    public bool Recontacted { get; set; }
    /// <summary>The customer's first message (at most 300 characters), and its normalised form for grouping.</summary>
    public string? Question { get; set; }
    public string? QuestionKey { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
