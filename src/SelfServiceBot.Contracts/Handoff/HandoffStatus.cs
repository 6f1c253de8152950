namespace SelfServiceBot.Contracts.Handoff;

/// <summary>
/// Where a hand-off is (HandoffRequests.Status): queued -> assigned -> closed, or cancelled / offline / external.
/// The values are persisted: never change one.
/// </summary>
public static class HandoffStatus
{
    public const string Queued = "queued";
    public const string Assigned = "assigned";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";
    /// <summary>Nobody online or outside business hours: a ticket for the team to follow up.</summary>
    public const string Offline = "offline";
    /// <summary>External mode: handed to another agent hub (handoff.initiate), waiting for its handoff.status.</summary>
    public const string External = "external";
}
