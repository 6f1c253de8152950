using SelfServiceBot.Costs.Model;
using static SelfServiceBot.Costs.Reports.CostFormulas;

namespace SelfServiceBot.Costs.Reports;

/// <summary>A part of the report period, the cost model valid in it, and the aggregates of the contacts that started in it.</summary>
internal sealed record ReportPart(ReportPeriod Period, CostModel Model, string Source, IReadOnlyList<ContactGroup> Groups);

/// <summary>
/// A report whose period spans cost model versions. Each part is priced exactly as its own report would be; money figures
/// are the sums of the parts; ratios are recomputed from the sums; the intensive figures (L, P, m, H, human_cpc) are the
/// combinations docs/cost-model.md names ("A period across model versions"). With one part it is the plain report.
/// </summary>
internal static class VersionedReport
{
    public static CostReport Compute(ReportPeriod period, IReadOnlyList<ReportPart> parts, IReadOnlyList<TrendGroup> trend)
    {
        var report = Combine(period, parts, trend);
        return report with { Trend = report.Trend with { LlmByMonth = LlmMonths.Build(period, trend, parts) } };
    }

    private static CostReport Combine(ReportPeriod period, IReadOnlyList<ReportPart> parts, IReadOnlyList<TrendGroup> trend)
    {
        if (parts.Count == 1)
        {
            return CostCalculator.Compute(period, parts[0].Model, parts[0].Source, parts[0].Groups, trend);
        }
        var reports = parts.Select(p => CostCalculator.Compute(p.Period, p.Model, p.Source, p.Groups, [])).ToList();
        var t = Tally.Of(parts.SelectMany(p => p.Groups));
        var months = period.Months;
        decimal Weighted(Func<CostReport, decimal> value) => MonthsWeighted(reports, value);

        var L = Weighted(r => r.L);
        var P = Weighted(r => r.P);
        var H = t.HumanHandleCount > 0
            ? t.HumanHandleMilliseconds / 60_000m / t.HumanHandleCount
            : Weighted(r => r.Model.Human.DefaultHandleMinutes);
        var botFixed = reports.Sum(r => r.BotFixed);
        var botTotal = reports.Sum(r => r.BotTotal);
        var grossSavings = BreakdownSums.Sum(reports.Select(r => r.GrossSavings));
        var humanTotal = BreakdownSums.Sum(reports.Select(r => r.HumanTotal));
        // The cost one durable deflection avoided, on average over the period: gross_savings = durable_deflected x human_cpc holds.
        var humanCpc = t.DurableDeflected > 0 ? Ratio(grossSavings, t.DurableDeflected)
            : reports.Any(r => r.HumanCpc is null) ? null : Weighted(r => r.HumanCpc!.Value);
        var netSavings = grossSavings - botTotal;
        var blendedCpc = Ratio(botTotal + humanTotal, t.Engaged + t.HumanDirect);
        return CostCalculator.WithCounts(new CostReport
        {
            From = CostCalculator.Day(period.From),
            To = CostCalculator.Day(period.To),
            ModelSource = string.Join(", ", parts.Select(p => p.Source)),
            Model = parts[0].Model,
            ModelVersions = reports.SelectMany(r => r.ModelVersions).ToList(),
            Months = months,
            L = L,
            P = P,
            M = Ratio(L, P),
            H = H,
            HumanCpc = humanCpc,
            // The team's cost over the contacts it handled: agents x L x months summed over the parts.
            HumanCpcAllocated = Ratio(reports.Sum(r => r.Model.Human.Agents * r.L * r.Months), t.HumanHandled),
            BotFixed = botFixed,
            BotVariable = botTotal - botFixed,
            LlmInputTokens = t.EngagedInputTokens,
            LlmOutputTokens = t.EngagedOutputTokens,
            LlmSpend = reports.Sum(r => r.LlmSpend),
            BotTotal = botTotal,
            BotCpc = Ratio(botTotal, t.Engaged),
            CostPerDeflection = Ratio(botTotal, t.Deflected),
            GrossSavings = grossSavings,
            NetSavings = netSavings,
            Roi = Ratio(netSavings, botTotal),
            HumanTotal = humanTotal,
            BlendedCpc = blendedCpc,
            SavingsPerContact = humanCpc - blendedCpc,
            PaybackMonths = Payback(reports, grossSavings, botTotal, months),
            ByChannel = BreakdownSums.Segments(reports.Select(r => r.ByChannel)),
            ByLocale = BreakdownSums.Segments(reports.Select(r => r.ByLocale)),
            ByCategory = BreakdownSums.Categories(reports.Select(r => r.ByCategory)),
            ByArticle = BreakdownSums.Articles(reports.Select(r => r.ByArticle)),
            ByEscalationReason = BreakdownSums.Reasons(reports.Select(r => r.ByEscalationReason)),
            Csat = new CsatReport(CostCalculator.Csat(t.BotOnlyCsat), CostCalculator.Csat(t.EscalatedCsat), CostCalculator.Csat(t.HumanDirectCsat)),
            Budget = Budget(reports),
            Trend = Trends.Build(period, trend, parts.Zip(reports, (p, r) => new PricedSpan(p.Period, r.HumanCpc)).ToList()),
        }, t);
    }

    /// <summary>
    /// The months-weighted mean of a per-month input over the parts (the input of the average month); the value itself
    /// when every part has the same, so an unchanged input is reported exactly.
    /// </summary>
    private static decimal MonthsWeighted(IReadOnlyList<CostReport> reports, Func<CostReport, decimal> value)
    {
        var values = reports.Select(value).ToList();
        return values.All(v => v == values[0]) ? values[0] : reports.Sum(r => value(r) * r.Months) / reports.Sum(r => r.Months);
    }

    /// <summary>
    /// payback_months = implementation_cost / ((gross_savings - bot_total + amortisation included in bot_fixed) / months), with
    /// the parts' amortisation summed and implementation_cost months-weighted (the same in every part unless a version changed it).
    /// </summary>
    private static decimal? Payback(IReadOnlyList<CostReport> reports, decimal? grossSavings, decimal botTotal, decimal months)
    {
        if (grossSavings is not { } gross || months <= 0)
        {
            return null;
        }
        var amortised = reports.Sum(r => MonthlyAmortisation(r.Model.Bot) * r.Months);
        var monthlyNet = (gross - botTotal + amortised) / months;
        return monthlyNet > 0 ? MonthsWeighted(reports, r => r.Model.Bot.ImplementationCost) / monthlyNet : null;
    }

    /// <summary>
    /// Per channel: budget, actual and variance are the parts' sums, variance_share = variance / budget, monthly_budget the
    /// months-weighted mean. A channel without a budget in some part has no budget row for the period.
    /// </summary>
    private static BudgetReport? Budget(IReadOnlyList<CostReport> reports)
    {
        var human = Row(reports, r => r.Budget?.Human);
        var bot = Row(reports, r => r.Budget?.Bot);
        return human is null && bot is null ? null : new BudgetReport(human, bot);

        static BudgetRow? Row(IReadOnlyList<CostReport> reports, Func<CostReport, BudgetRow?> row)
        {
            if (reports.Any(r => row(r) is null))
            {
                return null;
            }
            var planned = reports.Sum(r => row(r)!.Budget);
            var variance = BreakdownSums.Sum(reports.Select(r => row(r)!.Variance));
            return new BudgetRow(MonthsWeighted(reports, r => row(r)!.MonthlyBudget), planned,
                BreakdownSums.Sum(reports.Select(r => row(r)!.Actual)), variance, Ratio(variance, planned));
        }
    }
}
