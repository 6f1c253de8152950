namespace SelfServiceBot.Contracts.Handoff;

/// <summary>What the bot knows when it hands a conversation over.</summary>
/// <param name="UserName">The customer's display name on the channel, if it gave one.</param>
/// <param name="Reason">One of <see cref="HandoffReasons"/>.</param>
/// <param name="Category">The knowledge base's best guess of the topic, or null.</param>
/// <param name="OfferedArticleIds">The articles the bot showed or offered in this contact.</param>
/// <param name="TranscriptJson">The bot's part of the conversation (JSON array of lines, oldest first).</param>
/// <param name="ConversationReferenceJson">
/// How to write to the customer later: the channel's conversation reference as the bot serializes it (BotJson). The desk
/// keeps it and hands it back to the channel; JSON because the protocol's types do not cross into Contracts.
/// </param>
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
    string ConversationReferenceJson);

/// <summary>
/// Where a request ended up: waiting in a live queue (with position and estimate), an offline ticket (nobody online, or
/// <paramref name="OutsideHours"/>), or external. <paramref name="Reference"/> is what the customer reads, e.g. H-7K3Q9.
/// </summary>
public sealed record HandoffPlacement(long Id, string Reference, string Status, string Queue, int Position, int WaitMinutes, bool OutsideHours);

/// <summary>A hand-off as the conversation sees it: its status, the rating question still open, and where it waits.</summary>
/// <param name="AgentId">The agent who owns the chat, or null while it waits.</param>
public sealed record HandoffState(long Id, string Reference, string Status, string Queue, int Priority, string? AgentId, bool RatingPending);

/// <summary>Place in line (1 = next) and minutes to wait.</summary>
public readonly record struct HandoffPosition(int Position, int WaitMinutes);

/// <summary>Why the bot handed off (persisted as the hand-off's reason and in handoff_requested).</summary>
public static class HandoffReasons
{
    /// <summary>The customer asked for a person in their own words.</summary>
    public const string ExplicitRequest = "explicit_request";
    /// <summary>The bot found no answer (no match, or none of the suggestions fitted).</summary>
    public const string LowConfidence = "low_confidence";
    /// <summary>The customer said an answer did not help, and then the bot failed again.</summary>
    public const string NegativeFeedback = "negative_feedback";
    /// <summary>Configuration says so: an always-human category, or the message count limit.</summary>
    public const string Policy = "policy";
}
