using SelfServiceBot.Costs.Model;
using static SelfServiceBot.Costs.Reports.CostFormulas;

namespace SelfServiceBot.Costs.Reports;

/// <summary>Turns the period's aggregates and a cost model into the report; pure, so tests can check it figure by figure.</summary>
internal static class CostCalculator
{
    public static CostReport Compute(ReportPeriod period, CostModel model, string modelSource, IReadOnlyList<ContactGroup> groups, IReadOnlyList<TrendGroup> trend)
    {
        var h = model.Human;
        var b = model.Bot;
        var t = Tally.Of(groups);
        var months = period.Months;
        var L = LoadedCostPerAgent(h);
        var P = ProductiveMinutes(h);
        var m = Ratio(L, P);
        var H = MeanHandleMinutes(t, h);
        var humanCpc = m * H + h.PerContactCost;
        var botFixed = BotFixed(b, months);
        var botTotal = botFixed + BotVariable(b, t);
        var grossSavings = t.DurableDeflected * humanCpc;
        var netSavings = grossSavings - botTotal;
        var humanTotal = HumanCost(t, m, H, h);
        var blendedCpc = Ratio(botTotal + humanTotal, t.Engaged + t.HumanDirect);
        var money = new Money(m, H, humanCpc, h);
        return WithCounts(new CostReport
        {
            From = Day(period.From),
            To = Day(period.To),
            ModelSource = modelSource,
            Model = model,
            ModelVersions = [new ModelVersionUsed(Day(period.From), Day(period.To), months, modelSource, L, P, m, H, humanCpc, model)],
            Months = months,
            L = L,
            P = P,
            M = m,
            H = H,
            HumanCpc = humanCpc,
            HumanCpcAllocated = Ratio(h.Agents * L * months, t.HumanHandled),
            BotFixed = botFixed,
            BotVariable = botTotal - botFixed,
            LlmInputTokens = t.EngagedInputTokens,
            LlmOutputTokens = t.EngagedOutputTokens,
            LlmSpend = LlmSpend(b, t.EngagedInputTokens, t.EngagedOutputTokens),
            BotTotal = botTotal,
            BotCpc = Ratio(botTotal, t.Engaged),
            CostPerDeflection = Ratio(botTotal, t.Deflected),
            GrossSavings = grossSavings,
            NetSavings = netSavings,
            Roi = Ratio(netSavings, botTotal),
            HumanTotal = humanTotal,
            BlendedCpc = blendedCpc,
            SavingsPerContact = humanCpc - blendedCpc,
            PaybackMonths = PaybackMonths(b, grossSavings, botTotal, months),
            ByChannel = Breakdowns.Segments(groups, g => g.ChannelId, money),
            ByLocale = Breakdowns.Segments(groups, g => g.Locale, money),
            ByCategory = Breakdowns.Categories(groups, money),
            ByArticle = Breakdowns.Articles(groups, money),
            ByEscalationReason = Breakdowns.Reasons(groups, money),
            Csat = new CsatReport(Csat(t.BotOnlyCsat), Csat(t.EscalatedCsat), Csat(t.HumanDirectCsat)),
            Budget = Budget(model.Budget, months, humanTotal, botTotal),
            Trend = Trends.Build(period, trend, humanCpc),
        }, t);
    }

    /// <summary>The contact counts and the rates made of them, the same in every report however its money is priced.</summary>
    internal static CostReport WithCounts(CostReport report, Tally t) => report with
    {
        Contacts = t.Contacts,
        Engaged = t.Engaged,
        Deflected = t.Deflected,
        DeflectedConfirmed = t.DeflectedConfirmed,
        DeflectedAssumed = t.DeflectedAssumed,
        Escalated = t.Escalated,
        Abandoned = t.Abandoned,
        Unengaged = t.Unengaged,
        HumanDirect = t.HumanDirect,
        Recontacted = t.Recontacted,
        DurableDeflected = t.DurableDeflected,
        DeflectionRate = Ratio(t.Deflected, t.Engaged),
        DurableDeflectionRate = Ratio(t.DurableDeflected, t.Engaged),
        EscalationRate = Ratio(t.Escalated, t.Engaged),
        AbandonmentRate = Ratio(t.Abandoned, t.Engaged),
        ContainmentRate = Ratio(t.Engaged - t.Escalated, t.Engaged),
    };

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static CsatRow Csat(CsatTally c) => new(c.Responses, Ratio(c.Sum, c.Responses), Ratio(c.High, c.Responses));

    private static BudgetReport? Budget(BudgetInputs? budget, decimal months, decimal? humanTotal, decimal botTotal)
    {
        if (budget is null || (budget.HumanBudget is null && budget.BotBudget is null))
        {
            return null;
        }
        return new BudgetReport(Row(budget.HumanBudget, humanTotal), Row(budget.BotBudget, botTotal));

        BudgetRow? Row(decimal? monthly, decimal? actual)
        {
            if (monthly is not { } perMonth)
            {
                return null;
            }
            var planned = perMonth * months;
            var variance = actual - planned;
            return new BudgetRow(perMonth, planned, actual, variance, Ratio(variance, planned));
        }
    }
}

/// <summary>What a breakdown needs from the period: m and H for human cost, human_cpc for savings.</summary>
internal sealed record Money(decimal? M, decimal H, decimal? HumanCpc, HumanCostInputs Human)
{
    public decimal? HumanCost(Tally t) => CostFormulas.HumanCost(t, M, H, Human);
}
