namespace SelfServiceBot.Handoff.Desk;

/// <summary>A waiting or live chat as the console lists it.</summary>
public sealed record HandoffSummary(
    long Id, string Reference, string Status, string Queue, int Priority, string? Category, string Reason, string? Locale,
    string ChannelId, string? UserName, string? AgentId, DateTimeOffset RequestedAt, DateTimeOffset? AssignedAt, string? LastCustomerText);

/// <summary>How an agent closed a chat: a category, whether the problem is solved, an internal note.</summary>
public sealed record Disposition(string Category, bool Resolved, string? Note);
