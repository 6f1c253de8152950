using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Conversation.State;

namespace SelfServiceBot.Conversation.Handoff;

/// <summary>
/// Where a customer's request for a person goes. The interim <see cref="RecordingHandoffGateway"/>
/// only records it; the hand-off module replaces it with queueing and routing to live agents.
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
    ConversationReference Reference);

/// <summary>The customer-facing reference of a recorded request, e.g. H-7K3Q9.</summary>
public sealed record HandoffTicket(string Reference);

public static class HandoffReasons
{
    /// <summary>The customer asked for a person in their own words.</summary>
    public const string ExplicitRequest = "explicit_request";
    /// <summary>The bot found no answer (no match, or none of the suggestions fitted).</summary>
    public const string LowConfidence = "low_confidence";
    /// <summary>The customer said an answer did not help.</summary>
    public const string NegativeFeedback = "negative_feedback";
}
