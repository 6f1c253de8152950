using static SelfServiceBot.Costs.Reports.CostFormulas;

namespace SelfServiceBot.Costs.Reports;

/// <summary>
/// The breakdowns of a period across cost model versions: each key's counts and money summed over the parts, rates and
/// shares recomputed from the sums, in the same order as a single report's (Breakdowns).
/// </summary>
internal static class BreakdownSums
{
    /// <summary>The sum, unknown (null) when any part's figure is unknown.</summary>
    public static decimal? Sum(IEnumerable<decimal?> values) => values.Aggregate((decimal?)0m, (sum, v) => sum + v);

    public static IReadOnlyList<SegmentRow> Segments(IEnumerable<IReadOnlyList<SegmentRow>> parts) =>
        parts.SelectMany(rows => rows).GroupBy(x => x.Key)
            .Select(g =>
            {
                var (engaged, deflected, escalated) = (g.Sum(x => x.Engaged), g.Sum(x => x.Deflected), g.Sum(x => x.Escalated));
                return new SegmentRow(g.Key, g.Sum(x => x.Contacts), engaged, deflected, g.Sum(x => x.DurableDeflected), escalated,
                    g.Sum(x => x.Abandoned), g.Sum(x => x.Unengaged), g.Sum(x => x.HumanDirect), Ratio(deflected, engaged),
                    Ratio(escalated, engaged), Sum(g.Select(x => x.HumanCost)), Sum(g.Select(x => x.GrossSavings)));
            })
            .OrderByDescending(x => x.Contacts).ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<CategoryRow> Categories(IEnumerable<IReadOnlyList<CategoryRow>> parts) =>
        Breakdowns.Pareto(parts.SelectMany(rows => rows).GroupBy(x => x.Category)
            .Select(g => new CategoryTotals(g.Key, g.Sum(x => x.Contacts), g.Sum(x => x.Deflected), g.Sum(x => x.DurableDeflected),
                g.Sum(x => x.Escalated), g.Sum(x => x.HumanDirect), Sum(g.Select(x => x.HumanCost)), Sum(g.Select(x => x.Savings)))));

    public static IReadOnlyList<ArticleRow> Articles(IEnumerable<IReadOnlyList<ArticleRow>> parts) =>
        parts.SelectMany(rows => rows).GroupBy(x => x.ArticleId)
            .Select(g => new ArticleRow(g.Key, g.Sum(x => x.Deflected), g.Sum(x => x.DurableDeflected), g.Sum(x => x.Escalated), Sum(g.Select(x => x.Savings))))
            .OrderByDescending(x => x.DurableDeflected).ThenBy(x => x.ArticleId, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<ReasonRow> Reasons(IEnumerable<IReadOnlyList<ReasonRow>> parts) =>
        parts.SelectMany(rows => rows).GroupBy(x => x.Reason)
            .Select(g => new ReasonRow(g.Key, g.Sum(x => x.Count), Sum(g.Select(x => x.HumanCost))))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Reason, StringComparer.Ordinal)
            .ToList();
}
