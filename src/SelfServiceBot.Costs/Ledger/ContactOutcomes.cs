using SelfServiceBot.Costs.Storage;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>The six final outcomes of the contract; every closed contact has exactly one.</summary>
public static class ContactOutcomes
{
    public const string DeflectedConfirmed = "deflected_confirmed";
    public const string DeflectedAssumed = "deflected_assumed";
    public const string Escalated = "escalated";
    public const string Abandoned = "abandoned";
    public const string Unengaged = "unengaged";
    public const string HumanDirect = "human_direct";

    public static readonly IReadOnlyList<string> All = [DeflectedConfirmed, DeflectedAssumed, Escalated, Abandoned, Unengaged, HumanDirect];

    public static bool IsDeflected(string? outcome) => outcome is DeflectedConfirmed or DeflectedAssumed;
}

/// <summary>Where a contact came from (ContactRecord.Source).</summary>
public static class ContactSources
{
    public const string Bot = "bot";
    public const string Import = "import";
    public const string Demo = "demo";
}

/// <summary>The hand-off module's event types (contract: the hand-off events page); handoff_requested is the conversation's.</summary>
public static class HandoffEventTypes
{
    public const string Queued = "handoff_queued";
    public const string AgentAssigned = "agent_assigned";
    public const string OfflineTicketCreated = "offline_ticket_created";
    public const string Cancelled = "handoff_cancelled";
    public const string Resolved = "handoff_resolved";
    public const string HandedBack = "handed_back";
    public const string CsatGiven = "csat_given";
}
