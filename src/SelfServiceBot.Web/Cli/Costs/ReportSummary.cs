using System.Globalization;
using System.Text;
using SelfServiceBot.Costs.Reports;

namespace SelfServiceBot.Web.Cli.Costs;

/// <summary>The report for a reader: the headline figures, rounded for display (the JSON keeps them exact).</summary>
internal static class ReportSummary
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(CostReport r)
    {
        var s = new StringBuilder();
        s.AppendLine($"Cost report {r.From} to {r.To} (exclusive), {r.Months.ToString("0.###", Invariant)} months, model: {r.ModelSource}");
        if (r.ModelVersions.Count > 1)
        {
            // Which model priced which days: the summary's money adds up over these parts (docs/cost-model.md).
            s.AppendLine("The period spans cost model versions; each part is priced with its own, money is the sum of the parts:");
            foreach (var v in r.ModelVersions)
            {
                s.AppendLine($"  {v.ModelSource,-14} {v.From} to {v.To}  {v.Months.ToString("0.###", Invariant)} months  human cost/contact {Money(v.HumanCpc)}  m {Money(v.M)}/min  H {v.H.ToString("0.##", Invariant)} min");
            }
        }
        s.AppendLine();
        s.AppendLine($"Contacts            {r.Contacts,10}   engaged {r.Engaged}, unengaged {r.Unengaged}, human direct {r.HumanDirect}");
        s.AppendLine($"Deflected           {r.Deflected,10}   confirmed {r.DeflectedConfirmed}, assumed {r.DeflectedAssumed}, recontacted {r.Recontacted}, durable {r.DurableDeflected}");
        s.AppendLine($"Escalated           {r.Escalated,10}   abandoned {r.Abandoned}");
        s.AppendLine($"Deflection rate     {Pct(r.DeflectionRate),10}   durable {Pct(r.DurableDeflectionRate)}, escalation {Pct(r.EscalationRate)}, abandonment {Pct(r.AbandonmentRate)}, containment {Pct(r.ContainmentRate)}");
        s.AppendLine();
        var humanCpc = r.ModelVersions.Count > 1 ? "gross savings / durable deflections, over the parts above" : "m x H + per contact";
        s.AppendLine($"Human cost/contact  {Money(r.HumanCpc),10}   ({humanCpc}; m = {Money(r.M)}/min, H = {r.H.ToString("0.##", Invariant)} min; allocated {Money(r.HumanCpcAllocated)})");
        s.AppendLine($"Bot cost/contact    {Money(r.BotCpc),10}   (bot total {Money(r.BotTotal)} = fixed {Money(r.BotFixed)} + variable {Money(r.BotVariable)})");
        if (r.LlmInputTokens > 0 || r.LlmOutputTokens > 0)
        {
            // Only where a model is used: a site without one sees the summary it always did.
            s.AppendLine($"Model spend         {Money(r.LlmSpend),10}   (part of variable; tokens {r.LlmInputTokens.ToString("N0", Invariant)} in, {r.LlmOutputTokens.ToString("N0", Invariant)} out)");
        }
        s.AppendLine($"Blended cost/contact{Money(r.BlendedCpc),10}   savings per contact {Money(r.SavingsPerContact)}");
        s.AppendLine($"Gross savings       {Money(r.GrossSavings),10}   net {Money(r.NetSavings)}, ROI {Pct(r.Roi)}, payback {Num(r.PaybackMonths)} months");
        s.AppendLine($"Human total         {Money(r.HumanTotal),10}");
        if (r.Budget is { } budget)
        {
            s.AppendLine($"Budget variance     human {Money(budget.Human?.Variance)} ({Pct(budget.Human?.VarianceShare)}), bot {Money(budget.Bot?.Variance)} ({Pct(budget.Bot?.VarianceShare)})");
        }
        s.AppendLine();
        s.AppendLine("Categories by human cost (ABC):");
        foreach (var c in r.ByCategory.Take(10))
        {
            s.AppendLine($"  {c.Abc}  {c.Category,-20} {Money(c.HumanCost),12}  {Pct(c.Share),8}  cumulative {Pct(c.CumulativeShare)}");
        }
        s.AppendLine($"CSAT: bot only {Num(r.Csat.BotOnly.Mean)} ({r.Csat.BotOnly.Responses}), escalated {Num(r.Csat.Escalated.Mean)} ({r.Csat.Escalated.Responses})");
        s.Append("Null (-) means a zero denominator. Formulas: docs/cost-model.md; every figure exact with --json.");
        return s.ToString();
    }

    private static string Money(decimal? v) => v is { } x ? x.ToString("#,0.00", Invariant) : "-";
    private static string Pct(decimal? v) => v is { } x ? (x * 100).ToString("0.0", Invariant) + "%" : "-";
    private static string Num(decimal? v) => v is { } x ? x.ToString("0.##", Invariant) : "-";
}
