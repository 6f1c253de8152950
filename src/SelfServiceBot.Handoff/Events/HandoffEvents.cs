using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Events;

/// <summary>The event types the hand-off adds (the contract with the cost module: docs/conversation-events.md).</summary>
public static class HandoffEventTypes
{
    public const string HandoffRequested = ConversationEventTypes.HandoffRequested;
    public const string HandoffQueued = "handoff_queued";
    public const string AgentAssigned = "agent_assigned";
    public const string OfflineTicketCreated = "offline_ticket_created";
    public const string HandoffCancelled = "handoff_cancelled";
    public const string HandoffResolved = "handoff_resolved";
    public const string HandedBack = "handed_back";
    public const string CsatGiven = "csat_given";
}

/// <summary>
/// Writes hand-off events for the customer's conversation. The idempotency key is <c>handoff/{id}/{type}/{n}</c>, with n
/// taken from the hand-off's own counters, so a retried write after a crash records nothing twice.
/// </summary>
public sealed class HandoffEvents(IConversationEvents events, TimeProvider clock)
{
    public Task RecordAsync(HandoffRequestRecord handoff, string type, int n = 1, IReadOnlyDictionary<string, object?>? data = null,
        string? reason = null, string? articleId = null, CancellationToken cancellationToken = default) =>
        events.RecordAsync(
        [
            new ConversationEvent
            {
                Type = type,
                IdempotencyKey = $"handoff/{handoff.Id}/{type}/{n}",
                ChannelId = handoff.ChannelId,
                ConversationId = handoff.ConversationId,
                UserId = handoff.UserId,
                Locale = handoff.Locale,
                OccurredAt = clock.GetUtcNow(),
                Reason = reason,
                ArticleId = articleId,
                Data = data,
            },
        ], cancellationToken);
}
