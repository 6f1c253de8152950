namespace SelfServiceBot.Data.Entities;

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
