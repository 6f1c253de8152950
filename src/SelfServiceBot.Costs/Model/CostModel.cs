using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace SelfServiceBot.Costs.Model;

/// <summary>
/// The inputs of every cost figure, per month unless named otherwise (../shared/design/cost-model.md). The same names
/// work in configuration (<c>Costs:Human:monthly_salary</c>) and in the JSON file form (<c>{"human": {...}}</c>).
/// </summary>
public sealed class CostModel
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    public HumanCostInputs Human { get; set; } = new();
    public BotCostInputs Bot { get; set; } = new();
    public BudgetInputs? Budget { get; set; }

    /// <summary>Reads the file form; a clear message (not a stack trace) for syntax errors and unknown names.</summary>
    public static CostModel Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CostModel>(json, Json) ?? throw new FormatException("The cost model file is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The cost model is not valid: {ex.Message}", ex);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed class HumanCostInputs
{
    [ConfigurationKeyName("agents")] public decimal Agents { get; set; }
    [ConfigurationKeyName("monthly_salary")] public decimal MonthlySalary { get; set; }
    [ConfigurationKeyName("monthly_bonus")] public decimal MonthlyBonus { get; set; }
    [ConfigurationKeyName("benefits_rate")] public decimal BenefitsRate { get; set; }
    [ConfigurationKeyName("training_per_agent_year")] public decimal TrainingPerAgentYear { get; set; }
    [ConfigurationKeyName("facilities_per_seat")] public decimal FacilitiesPerSeat { get; set; }
    [ConfigurationKeyName("equipment_per_seat_year")] public decimal EquipmentPerSeatYear { get; set; }
    [ConfigurationKeyName("software_per_seat")] public decimal SoftwarePerSeat { get; set; }
    [ConfigurationKeyName("supervision_rate")] public decimal SupervisionRate { get; set; }
    [ConfigurationKeyName("paid_hours")] public decimal PaidHours { get; set; }
    [ConfigurationKeyName("shrinkage")] public decimal Shrinkage { get; set; }
    [ConfigurationKeyName("occupancy")] public decimal Occupancy { get; set; }
    [ConfigurationKeyName("per_contact_cost")] public decimal PerContactCost { get; set; }
    [ConfigurationKeyName("default_handle_minutes")] public decimal DefaultHandleMinutes { get; set; }
}

public sealed class BotCostInputs
{
    [ConfigurationKeyName("hosting")] public decimal Hosting { get; set; }
    [ConfigurationKeyName("licences")] public decimal Licences { get; set; }
    [ConfigurationKeyName("kb_upkeep_hours")] public decimal KbUpkeepHours { get; set; }
    [ConfigurationKeyName("kb_upkeep_hourly_rate")] public decimal KbUpkeepHourlyRate { get; set; }
    [ConfigurationKeyName("implementation_cost")] public decimal ImplementationCost { get; set; }
    [ConfigurationKeyName("amortisation_months")] public decimal AmortisationMonths { get; set; }
    [ConfigurationKeyName("llm_input_per_million_tokens")] public decimal LlmInputPerMillionTokens { get; set; }
    [ConfigurationKeyName("llm_output_per_million_tokens")] public decimal LlmOutputPerMillionTokens { get; set; }
    [ConfigurationKeyName("per_session_cost")] public decimal PerSessionCost { get; set; }
}

public sealed class BudgetInputs
{
    [ConfigurationKeyName("human_budget")] public decimal? HumanBudget { get; set; }
    [ConfigurationKeyName("bot_budget")] public decimal? BotBudget { get; set; }
}
