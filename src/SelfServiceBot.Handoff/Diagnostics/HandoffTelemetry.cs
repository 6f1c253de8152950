using System.Diagnostics;

namespace SelfServiceBot.Handoff.Diagnostics;

/// <summary>The hand-off desk's spans (a request, an assignment) and the names of its attributes.</summary>
public static class HandoffTelemetry
{
    public const string Name = "SelfServiceBot.Handoff";

    public static readonly ActivitySource Source = new(Name);

    public const string RequestSpan = "ssb.handoff.request";
    public const string AssignSpan = "ssb.handoff.assign";

    /// <summary>Why the bot handed off (<see cref="HandoffReasons"/>): explicit_request, low_confidence, negative_feedback, policy.</summary>
    public const string ReasonAttribute = "ssb.handoff.reason";
    /// <summary>queued, offline or external: where the request went.</summary>
    public const string StatusAttribute = "ssb.handoff.status";
    public const string QueueAttribute = "ssb.handoff.queue";
    /// <summary>The desk's numeric id of the hand-off (no customer data).</summary>
    public const string IdAttribute = "ssb.handoff.id";
    /// <summary>False when the chat was no longer waiting, or the agent was full (another instance or agent won).</summary>
    public const string AssignedAttribute = "ssb.handoff.assigned";
    /// <summary>True for the desk's automatic assignment, false for an agent's claim by hand.</summary>
    public const string AutomaticAttribute = "ssb.handoff.automatic";
}
