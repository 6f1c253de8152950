using SelfServiceBot.Contracts.Handoff;

namespace SelfServiceBot.Handoff.Storage;

/// <summary>
/// A hand-off of one customer conversation to a person: what it carries (reason, category, transcript, offered articles),
/// where it waits (queue, priority) and who owns it. Status moves queued -> assigned -> closed, or to cancelled / offline;
/// every ending sets ClosedAt (an offline ticket when it is made), from which retention counts.
/// </summary>
public sealed class HandoffRequestRecord
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Locale { get; set; }
    public required string Reason { get; set; }
    public string? LastCustomerText { get; set; }
    /// <summary>The bot's part of the conversation before the hand-off (JSON lines).</summary>
    public string? TranscriptJson { get; set; }
    /// <summary>Where to write to the customer (JSON ConversationReference).</summary>
    public string? ConversationReferenceJson { get; set; }
    /// <summary>The article ids the bot offered (JSON array).</summary>
    public string? OfferedArticlesJson { get; set; }
    public string? LastArticleId { get; set; }
    /// <summary>The knowledge base's best guess of the topic, or null.</summary>
    public string? Category { get; set; }
    /// <summary>"{skill}/{locale}", e.g. orders/zh-CN.</summary>
    public string Queue { get; set; } = "";
    public int Priority { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string Status { get; set; } = HandoffStatus.Queued;
    public string? AgentId { get; set; }
    /// <summary>When the current agent accepted; handle time runs from here.</summary>
    public DateTimeOffset? AssignedAt { get; set; }
    public DateTimeOffset? FirstAssignedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Disposition { get; set; }
    public bool? Resolved { get; set; }
    public string? Note { get; set; }
    /// <summary>Offline tickets: how the customer asked to be reached (never copied into events).</summary>
    public string? ContactDetails { get; set; }
    /// <summary>How many times it entered a live queue / was assigned (the n of those events' idempotency keys).</summary>
    public int QueueEntries { get; set; }
    public int Assignments { get; set; }
    public bool RatingPending { get; set; }
    public int? Rating { get; set; }
}
