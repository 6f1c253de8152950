namespace SelfServiceBot.Costs.Storage;

/// <summary>A cost model (the JSON file form) valid from a date on, until the next version's date; never edited, only added.</summary>
public sealed class CostModelVersionRecord
{
    public long Id { get; set; }
    /// <summary>Midnight UTC of the first day the model applies to.</summary>
    public DateTimeOffset ValidFrom { get; set; }
    public required string ModelJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}
