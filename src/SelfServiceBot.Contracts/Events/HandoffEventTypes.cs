namespace SelfServiceBot.Contracts.Events;

/// <summary>
/// The event types the hand-off desk writes into the customer's conversation (docs/conversation-events.md), from the
/// request to the rating. The values are persisted and read back by the cost module: never change one.
/// </summary>
public static class HandoffEventTypes
{
    public const string HandoffRequested = "handoff_requested";
    public const string HandoffQueued = "handoff_queued";
    public const string AgentAssigned = "agent_assigned";
    public const string OfflineTicketCreated = "offline_ticket_created";
    public const string HandoffCancelled = "handoff_cancelled";
    public const string HandoffResolved = "handoff_resolved";
    public const string HandedBack = "handed_back";
    public const string CsatGiven = "csat_given";

    public static readonly IReadOnlyList<string> All =
        [HandoffRequested, HandoffQueued, AgentAssigned, OfflineTicketCreated, HandoffCancelled, HandoffResolved, HandedBack, CsatGiven];
}
