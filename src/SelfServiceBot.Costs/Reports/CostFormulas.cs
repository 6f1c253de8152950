using SelfServiceBot.Costs.Model;

namespace SelfServiceBot.Costs.Reports;

/// <summary>The contract's formulas, one method each, in the contract's names.</summary>
internal static class CostFormulas
{
    /// <summary>A ratio with a zero (or unknown) denominator is null, never 0 and never an error.</summary>
    public static decimal? Ratio(decimal? numerator, decimal? denominator) =>
        numerator is { } n && denominator is { } d && d != 0 ? n / d : null;

    /// <summary>L, loaded cost per agent per month.</summary>
    public static decimal LoadedCostPerAgent(HumanCostInputs h) =>
        ((h.MonthlySalary + h.MonthlyBonus) * (1 + h.BenefitsRate) + h.TrainingPerAgentYear / 12 + h.FacilitiesPerSeat
         + h.EquipmentPerSeatYear / 12 + h.SoftwarePerSeat) * (1 + h.SupervisionRate);

    /// <summary>P, productive minutes per agent per month.</summary>
    public static decimal ProductiveMinutes(HumanCostInputs h) => h.PaidHours * 60 * (1 - h.Shrinkage) * h.Occupancy;

    /// <summary>H: mean handle minutes of the human-handled contacts that have one, else default_handle_minutes.</summary>
    public static decimal MeanHandleMinutes(Tally t, HumanCostInputs h) =>
        t.HumanHandleCount > 0 ? t.HumanHandleMilliseconds / 60_000m / t.HumanHandleCount : h.DefaultHandleMinutes;

    /// <summary>Sum of m x (handle_minutes, else H) + per_contact_cost over the escalated and human_direct contacts of a tally.</summary>
    public static decimal? HumanCost(Tally t, decimal? m, decimal H, HumanCostInputs h)
    {
        if (t.HumanHandled == 0)
        {
            return 0;
        }
        return m is { } perMinute
            ? perMinute * (t.HumanHandleMilliseconds / 60_000m + H * (t.HumanHandled - t.HumanHandleCount)) + h.PerContactCost * t.HumanHandled
            : null;
    }

    /// <summary>implementation_cost / amortisation_months, the bot's monthly share of its one-off cost.</summary>
    public static decimal MonthlyAmortisation(BotCostInputs b) => b.AmortisationMonths > 0 ? b.ImplementationCost / b.AmortisationMonths : 0;

    public static decimal BotFixed(BotCostInputs b, decimal months) =>
        (b.Hosting + b.Licences + b.KbUpkeepHours * b.KbUpkeepHourlyRate + MonthlyAmortisation(b)) * months;

    public static decimal BotVariable(BotCostInputs b, Tally t) =>
        LlmSpend(b, t.EngagedInputTokens, t.EngagedOutputTokens) + b.PerSessionCost * t.Engaged;

    /// <summary>llm_spend, the model's part of bot_variable: (input x input price + output x output price) / 1,000,000.</summary>
    public static decimal LlmSpend(BotCostInputs b, long inputTokens, long outputTokens) =>
        (inputTokens * b.LlmInputPerMillionTokens + outputTokens * b.LlmOutputPerMillionTokens) / 1_000_000m;

    /// <summary>payback_months = implementation_cost / ((gross_savings - bot_total + amortisation x months) / months); null unless positive.</summary>
    public static decimal? PaybackMonths(BotCostInputs b, decimal? grossSavings, decimal botTotal, decimal months)
    {
        if (grossSavings is not { } gross || months <= 0)
        {
            return null;
        }
        var monthlyNet = (gross - botTotal + MonthlyAmortisation(b) * months) / months;
        return monthlyNet > 0 ? b.ImplementationCost / monthlyNet : null;
    }
}
