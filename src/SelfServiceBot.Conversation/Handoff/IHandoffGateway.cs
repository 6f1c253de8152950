using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Conversation.State;

namespace SelfServiceBot.Conversation.Handoff;

/// <summary>
/// Where a customer's request for a person goes: <see cref="DeskHandoffGateway"/> puts it in the hand-off desk's
/// live queues (or makes it an offline ticket).
/// </summary>
public interface IHandoffGateway
{
    Task<HandoffTicket> RequestAsync(HandoffRequest request, CancellationToken cancellationToken);
}

/// <param name="Reason">One of <see cref="HandoffReasons"/>.</param>
/// <param name="Transcript">The conversation so far (most recent lines), oldest first.</param>
/// <param name="Reference">How to write to the customer later.</param>
public sealed record HandoffRequest(
    string ChannelId,
    string ConversationId,
    string? UserId,
    string Locale,
    string Reason,
    string? LastCustomerText,
    string? LastArticleId,
    IReadOnlyList<TranscriptLine> Transcript,
    ConversationReference Reference)
{
    /// <summary>The knowledge base's best guess of the topic (its category), or null.</summary>
    public string? Category { get; init; }

    /// <summary>The articles the bot showed or offered in this contact.</summary>
    public IReadOnlyList<string> OfferedArticleIds { get; init; } = [];
}

/// <summary>The customer-facing reference of a recorded request, e.g. H-7K3Q9, and where it went.</summary>
public sealed record HandoffTicket(string Reference)
{
    public long Id { get; init; }
    /// <summary>queued (a live queue) or offline (a ticket: nobody online, or outside business hours).</summary>
    public string Status { get; init; } = "offline";
    public int Position { get; init; }
    public int WaitMinutes { get; init; }
    public bool OutsideHours { get; init; }
}

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
