using SelfServiceBot.Costs.Model;

namespace SelfServiceBot.Costs.Tests.Reports;

public static class TestModels
{
    public static CostModel Standard() => new()
    {
        Human = new HumanCostInputs
        {
            Agents = 10, MonthlySalary = 3000, MonthlyBonus = 200, BenefitsRate = 0.25m, TrainingPerAgentYear = 1200,
            FacilitiesPerSeat = 300, EquipmentPerSeatYear = 600, SoftwarePerSeat = 100, SupervisionRate = 0.1m, PaidHours = 160,
            Shrinkage = 0.3m, Occupancy = 0.8m, PerContactCost = 0.5m, DefaultHandleMinutes = 8,
        },
        Bot = new BotCostInputs
        {
            Hosting = 500, Licences = 200, KbUpkeepHours = 10, KbUpkeepHourlyRate = 40, ImplementationCost = 12000, AmortisationMonths = 12,
            LlmInputPerMillionTokens = 2, LlmOutputPerMillionTokens = 8, PerSessionCost = 0.01m,
        },
        Budget = new BudgetInputs { HumanBudget = 40, BotBudget = 2000 },
    };
}
