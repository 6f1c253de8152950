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
