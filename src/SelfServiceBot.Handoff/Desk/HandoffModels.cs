using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Handoff.Desk;

/// <summary>What the bot knows when it hands a conversation over.</summary>
/// <param name="Reason">explicit_request, low_confidence, negative_feedback or policy.</param>
/// <param name="Category">The knowledge base's best guess of the topic, or null.</param>
/// <param name="TranscriptJson">The bot's part of the conversation (JSON array of lines).</param>
public sealed record NewHandoff(
    string ChannelId,
    string ConversationId,
    string? UserId,
    string? UserName,
    string Locale,
    string Reason,
    string? Category,
    string? LastCustomerText,
    string? LastArticleId,
    IReadOnlyList<string> OfferedArticleIds,
    string TranscriptJson,
    ConversationReference Reference);

/// <summary>Where a request ended up: waiting in a live queue (with position and estimate), or an offline ticket.</summary>
public sealed record HandoffPlacement(long Id, string Reference, string Status, string Queue, int Position, int WaitMinutes, bool OutsideHours);

/// <summary>A waiting or live chat as the console lists it.</summary>
public sealed record HandoffSummary(
    long Id, string Reference, string Status, string Queue, int Priority, string? Category, string Reason, string? Locale,
    string ChannelId, string? UserName, string? AgentId, DateTimeOffset RequestedAt, DateTimeOffset? AssignedAt, string? LastCustomerText);

/// <summary>How an agent closed a chat: a category, whether the problem is solved, an internal note.</summary>
public sealed record Disposition(string Category, bool Resolved, string? Note);
