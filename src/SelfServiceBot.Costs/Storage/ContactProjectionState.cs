namespace SelfServiceBot.Costs.Storage;

/// <summary>
/// Where the contact projection is in the event log. Every ledger write first bumps <see cref="Version"/>
/// in its own transaction, so the row doubles as the lock that keeps two instances from projecting at once.
/// </summary>
public sealed class ContactProjectionState
{
    public const string ContactsName = "contacts";

    public required string Name { get; set; }
    /// <summary>Every event with an Id up to this one is applied.</summary>
    public long LastEventId { get; set; }
    public long Version { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
