namespace SelfServiceBot.Handoff.Storage;

/// <summary>A line of the live part of a hand-off: from the customer, an agent or the system (transfer, resolve).</summary>
public sealed class HandoffMessageRecord
{
    public long Id { get; set; }
    public long HandoffId { get; set; }
    /// <summary>customer, agent or system.</summary>
    public required string From { get; set; }
    public string? AgentId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
}
