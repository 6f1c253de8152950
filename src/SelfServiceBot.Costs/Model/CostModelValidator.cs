namespace SelfServiceBot.Costs.Model;

/// <summary>Refuses inputs no formula can make sense of; every message names the input as the contract does.</summary>
public static class CostModelValidator
{
    public static IReadOnlyList<string> Validate(CostModel model)
    {
        var errors = new List<string>();
        var h = model.Human;
        var b = model.Bot;
        NotNegative(errors, "human.agents", h.Agents);
        NotNegative(errors, "human.monthly_salary", h.MonthlySalary);
        NotNegative(errors, "human.monthly_bonus", h.MonthlyBonus);
        NotNegative(errors, "human.benefits_rate", h.BenefitsRate);
        NotNegative(errors, "human.training_per_agent_year", h.TrainingPerAgentYear);
        NotNegative(errors, "human.facilities_per_seat", h.FacilitiesPerSeat);
        NotNegative(errors, "human.equipment_per_seat_year", h.EquipmentPerSeatYear);
        NotNegative(errors, "human.software_per_seat", h.SoftwarePerSeat);
        NotNegative(errors, "human.supervision_rate", h.SupervisionRate);
        NotNegative(errors, "human.paid_hours", h.PaidHours);
        Share(errors, "human.shrinkage", h.Shrinkage);
        Share(errors, "human.occupancy", h.Occupancy);
        NotNegative(errors, "human.per_contact_cost", h.PerContactCost);
        NotNegative(errors, "human.default_handle_minutes", h.DefaultHandleMinutes);
        NotNegative(errors, "bot.hosting", b.Hosting);
        NotNegative(errors, "bot.licences", b.Licences);
        NotNegative(errors, "bot.kb_upkeep_hours", b.KbUpkeepHours);
        NotNegative(errors, "bot.kb_upkeep_hourly_rate", b.KbUpkeepHourlyRate);
        NotNegative(errors, "bot.implementation_cost", b.ImplementationCost);
        NotNegative(errors, "bot.amortisation_months", b.AmortisationMonths);
        if (b.ImplementationCost > 0 && b.AmortisationMonths <= 0)
        {
            errors.Add("bot.amortisation_months must be above 0 when bot.implementation_cost is set.");
        }
        NotNegative(errors, "bot.llm_input_per_million_tokens", b.LlmInputPerMillionTokens);
        NotNegative(errors, "bot.llm_output_per_million_tokens", b.LlmOutputPerMillionTokens);
        NotNegative(errors, "bot.per_session_cost", b.PerSessionCost);
        if (model.Budget is { } budget)
        {
            NotNegative(errors, "budget.human_budget", budget.HumanBudget ?? 0);
            NotNegative(errors, "budget.bot_budget", budget.BotBudget ?? 0);
        }
        return errors;
    }

    private static void NotNegative(List<string> errors, string name, decimal value)
    {
        if (value < 0)
        {
            errors.Add($"{name} must not be negative (it is {value}).");
        }
    }

    private static void Share(List<string> errors, string name, decimal value)
    {
        if (value is < 0 or > 1)
        {
            errors.Add($"{name} is a share: between 0 and 1 (it is {value}).");
        }
    }
}
