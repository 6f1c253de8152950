using Microsoft.Extensions.Configuration;
using SelfServiceBot.Costs.Model;

namespace SelfServiceBot.Costs;

/// <summary>The <c>Costs</c> section: the cost model (Human, Bot, Budget) and how contacts are delimited.</summary>
public sealed class CostsOptions
{
    public const string SectionName = "Costs";

    public HumanCostInputs Human { get; set; } = new();
    public BotCostInputs Bot { get; set; } = new();
    public BudgetInputs? Budget { get; set; }

    /// <summary>A contact with no activity for this long has ended (the contract's default: 30).</summary>
    public int ContactTimeoutMinutes { get; set; } = 30;

    /// <summary>A deflected contact whose customer comes back within this many days was not a durable deflection.</summary>
    public int RecontactDays { get; set; } = 7;

    /// <summary>
    /// A contact waiting for a person does not time out after <see cref="ContactTimeoutMinutes"/> (the wait is not the
    /// customer going quiet), but is closed after this many idle hours if the hand-off never reports an end.
    /// </summary>
    public int HandoffTimeoutHours { get; set; } = 24;

    /// <summary>How often the ledger applies new events and closes idle contacts; 0 turns the background work off.</summary>
    [ConfigurationKeyName("LedgerIntervalSeconds")]
    public int LedgerIntervalSeconds { get; set; } = 10;

    public TimeSpan ContactTimeout => TimeSpan.FromMinutes(ContactTimeoutMinutes);
    public TimeSpan RecontactWindow => TimeSpan.FromDays(RecontactDays);
    public TimeSpan HandoffTimeout => TimeSpan.FromHours(HandoffTimeoutHours);

    public CostModel ToModel() => new() { Human = Human, Bot = Bot, Budget = Budget };
}
