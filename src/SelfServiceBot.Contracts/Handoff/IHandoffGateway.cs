namespace SelfServiceBot.Contracts.Handoff;

/// <summary>
/// Everything the conversation asks of the hand-off desk: the bot's one way to a person. The Handoff module implements it
/// (<c>DeskHandoffGateway</c> over <c>HandoffDesk</c>, registered by <c>AddHandoff</c>); the conversation never sees the desk,
/// its entities or its options. Statuses are the hand-off statuses (<c>HandoffStatus</c>: queued, assigned, closed,
/// cancelled, offline, external).
/// </summary>
public interface IHandoffGateway
{
    /// <summary>Puts the request in a live queue, or makes it an offline ticket (or, in external mode, only records it).</summary>
    Task<HandoffPlacement> RequestAsync(NewHandoff request, CancellationToken cancellationToken);

    /// <summary>The hand-off as it is now, or null when there is none with that id.</summary>
    Task<HandoffState?> FindAsync(long handoffId, CancellationToken cancellationToken);

    /// <summary>Place in line (1 = next) and the wait estimate of a queued hand-off.</summary>
    Task<HandoffPosition> PositionAsync(HandoffState handoff, CancellationToken cancellationToken);

    /// <summary>Gives waiting chats to free agents; the bot calls it after telling the customer their place in line.</summary>
    Task AssignWaitingAsync(CancellationToken cancellationToken);

    /// <summary>The customer wrote while waiting for or talking to a person: kept for the agent and passed on live.</summary>
    Task AddCustomerMessageAsync(HandoffState handoff, string text, CancellationToken cancellationToken);

    /// <summary>The customer is typing in this conversation: the agent who owns its chat, if any, sees it.</summary>
    Task CustomerTypingAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The customer gave up waiting; false when the hand-off was no longer queued.</summary>
    Task<bool> CancelAsync(long handoffId, CancellationToken cancellationToken);

    /// <summary>The customer's 1-5 after a hand-back; only the first answer counts (false otherwise).</summary>
    Task<bool> RateAsync(long handoffId, int score, CancellationToken cancellationToken);

    /// <summary>The customer did not answer the rating question: stop waiting for it.</summary>
    Task SkipRatingAsync(long handoffId, CancellationToken cancellationToken);

    /// <summary>How an offline ticket's customer wants to be reached (kept on the ticket, never in events).</summary>
    Task SetContactDetailsAsync(long handoffId, string contact, CancellationToken cancellationToken);

    /// <summary>External mode: whether <paramref name="fromId"/> is the other agent hub (only it may post handoff.status).</summary>
    bool IsExternalHub(string fromId);

    /// <summary>
    /// The other hub's handoff.status (accepted, completed, failed). The hand-off after the change, or null when the state
    /// does not apply (a repeated or late status is ignored, never rejected).
    /// </summary>
    Task<HandoffState?> ExternalStatusAsync(long handoffId, string state, CancellationToken cancellationToken);
}
