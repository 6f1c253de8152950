using System.Globalization;
using SelfServiceBot.Costs.Reports;

namespace SelfServiceBot.Costs.Exports;

/// <summary>The report as named tables of cells (numbers stay numbers): one source for the CSV and the Excel exports.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

public static class ReportTables
{
    public static IReadOnlyList<ReportTable> From(CostReport r) =>
    [
        new("summary", ["figure", "value"], Summary(r)),
        new("model_versions", ["from", "to", "months", "model_source", "L", "P", "m", "H", "human_cpc"],
            r.ModelVersions.Select(v => Row(v.From, v.To, v.Months, v.ModelSource, v.L, v.P, v.M, v.H, v.HumanCpc)).ToList()),
        new("by_channel", SegmentColumns("channel"), r.ByChannel.Select(Segment).ToList()),
        new("by_locale", SegmentColumns("locale"), r.ByLocale.Select(Segment).ToList()),
        new("by_category", ["category", "contacts", "deflected", "durable_deflected", "escalated", "human_direct", "human_cost", "share", "cumulative_share", "abc", "savings"],
            r.ByCategory.Select(c => Row(c.Category, c.Contacts, c.Deflected, c.DurableDeflected, c.Escalated, c.HumanDirect, c.HumanCost, c.Share, c.CumulativeShare, c.Abc, c.Savings)).ToList()),
        new("by_article", ["article_id", "deflected", "durable_deflected", "escalated", "savings"],
            r.ByArticle.Select(a => Row(a.ArticleId, a.Deflected, a.DurableDeflected, a.Escalated, a.Savings)).ToList()),
        new("by_escalation_reason", ["reason", "count", "human_cost"], r.ByEscalationReason.Select(x => Row(x.Reason, x.Count, x.HumanCost)).ToList()),
        new("csat", ["contacts", "responses", "mean", "share_4_5"],
            [Csat("bot_only", r.Csat.BotOnly), Csat("escalated", r.Csat.Escalated), Csat("human_direct", r.Csat.HumanDirect)]),
        new("budget", ["channel", "monthly_budget", "budget", "actual", "variance", "variance_share"],
            new[] { ("human", r.Budget?.Human), ("bot", r.Budget?.Bot) }.Where(x => x.Item2 is not null)
                .Select(x => Row(x.Item1, x.Item2!.MonthlyBudget, x.Item2.Budget, x.Item2.Actual, x.Item2.Variance, x.Item2.VarianceShare)).ToList()),
        new("trend", ["start", "contacts", "deflected", "durable_deflected", "escalated", "abandoned", "unengaged", "human_direct", "gross_savings"],
            r.Trend.Points.Select(p => Row(p.Start, p.Contacts, p.Deflected, p.DurableDeflected, p.Escalated, p.Abandoned, p.Unengaged, p.HumanDirect, p.GrossSavings)).ToList()),
        new("llm_by_month", ["month", "llm_input_tokens", "llm_output_tokens", "llm_spend"],
            r.Trend.LlmByMonth.Select(x => Row(x.Month, x.LlmInputTokens, x.LlmOutputTokens, x.LlmSpend)).ToList()),
    ];

    private static string[] SegmentColumns(string key) =>
        [key, "contacts", "engaged", "deflected", "durable_deflected", "escalated", "abandoned", "unengaged", "human_direct", "deflection_rate", "escalation_rate", "human_cost", "gross_savings"];

    private static IReadOnlyList<object?> Segment(SegmentRow s) =>
        Row(s.Key, s.Contacts, s.Engaged, s.Deflected, s.DurableDeflected, s.Escalated, s.Abandoned, s.Unengaged, s.HumanDirect, s.DeflectionRate, s.EscalationRate, s.HumanCost, s.GrossSavings);

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    private static IReadOnlyList<object?> Csat(string contacts, CsatRow c) => Row(contacts, c.Responses, c.Mean, c.Share45);

    private static List<IReadOnlyList<object?>> Summary(CostReport r) =>
    [
        Row("from", r.From), Row("to", r.To), Row("model_source", r.ModelSource),
        Row("contacts", r.Contacts), Row("engaged", r.Engaged), Row("deflected", r.Deflected), Row("deflected_confirmed", r.DeflectedConfirmed),
        Row("deflected_assumed", r.DeflectedAssumed), Row("escalated", r.Escalated), Row("abandoned", r.Abandoned), Row("unengaged", r.Unengaged),
        Row("human_direct", r.HumanDirect), Row("recontacted", r.Recontacted), Row("durable_deflected", r.DurableDeflected),
        Row("deflection_rate", r.DeflectionRate), Row("durable_deflection_rate", r.DurableDeflectionRate), Row("escalation_rate", r.EscalationRate),
        Row("abandonment_rate", r.AbandonmentRate), Row("containment_rate", r.ContainmentRate), Row("months", r.Months),
        Row("L", r.L), Row("P", r.P), Row("m", r.M), Row("H", r.H), Row("human_cpc", r.HumanCpc), Row("human_cpc_allocated", r.HumanCpcAllocated),
        Row("bot_fixed", r.BotFixed), Row("bot_variable", r.BotVariable),
        Row("llm_input_tokens", r.LlmInputTokens), Row("llm_output_tokens", r.LlmOutputTokens), Row("llm_spend", r.LlmSpend), Row("bot_total", r.BotTotal), Row("bot_cpc", r.BotCpc),
        Row("cost_per_deflection", r.CostPerDeflection), Row("gross_savings", r.GrossSavings), Row("net_savings", r.NetSavings), Row("roi", r.Roi),
        Row("human_total", r.HumanTotal), Row("blended_cpc", r.BlendedCpc), Row("savings_per_contact", r.SavingsPerContact),
        Row("payback_months", r.PaybackMonths),
    ];

    public static string Format(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
