using SelfServiceBot.Costs.Ledger;
using static SelfServiceBot.Costs.Reports.CostFormulas;

namespace SelfServiceBot.Costs.Reports;

/// <summary>The report's tables. Contacts without a key (no channel, no category, ...) form a row named "unknown".</summary>
internal static class Breakdowns
{
    public const string Unknown = "unknown";

    public static IReadOnlyList<SegmentRow> Segments(IEnumerable<ContactGroup> groups, Func<ContactGroup, string?> key, Money money) =>
        groups.GroupBy(g => key(g) ?? Unknown)
            .Select(g => (g.Key, t: Tally.Of(g)))
            .OrderByDescending(x => x.t.Contacts).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new SegmentRow(x.Key, x.t.Contacts, x.t.Engaged, x.t.Deflected, x.t.DurableDeflected, x.t.Escalated, x.t.Abandoned,
                x.t.Unengaged, x.t.HumanDirect, Ratio(x.t.Deflected, x.t.Engaged), Ratio(x.t.Escalated, x.t.Engaged), money.HumanCost(x.t),
                x.t.DurableDeflected * money.HumanCpc))
            .ToList();

    /// <summary>
    /// Pareto by human cost, descending: A while the cumulative share before the category is below 55%, B below 85%, C after;
    /// the first is always A. With no human cost at all every share is null and every category counts as A.
    /// </summary>
    public static IReadOnlyList<CategoryRow> Categories(IEnumerable<ContactGroup> groups, Money money) =>
        Pareto(groups.GroupBy(g => g.Category ?? Unknown)
            .Select(g => (Category: g.Key, t: Tally.Of(g)))
            .Select(x => new CategoryTotals(x.Category, x.t.Contacts, x.t.Deflected, x.t.DurableDeflected, x.t.Escalated, x.t.HumanDirect,
                money.HumanCost(x.t), x.t.DurableDeflected * money.HumanCpc)));

    /// <summary>
    /// Pareto by human cost, descending: A while the cumulative share before the category is below 55%, B below 85%, C after;
    /// the first is always A. With no human cost at all every share is null and every category counts as A.
    /// </summary>
    public static IReadOnlyList<CategoryRow> Pareto(IEnumerable<CategoryTotals> categories)
    {
        var rows = categories
            .OrderByDescending(x => x.HumanCost ?? 0).ThenByDescending(x => x.Contacts).ThenBy(x => x.Category, StringComparer.Ordinal)
            .ToList();
        var total = rows.Sum(x => x.HumanCost ?? 0);
        var before = 0m;
        var result = new List<CategoryRow>(rows.Count);
        foreach (var x in rows)
        {
            var shareBefore = Ratio(before, total) ?? 0;
            var abc = result.Count == 0 || shareBefore < 0.55m ? "A" : shareBefore < 0.85m ? "B" : "C";
            before += x.HumanCost ?? 0;
            result.Add(new CategoryRow(x.Category, x.Contacts, x.Deflected, x.DurableDeflected, x.Escalated, x.HumanDirect, x.HumanCost,
                Ratio(x.HumanCost, total), Ratio(before, total), abc, x.Savings));
        }
        return result;
    }

    public static IReadOnlyList<ArticleRow> Articles(IEnumerable<ContactGroup> groups, Money money) =>
        groups.Where(g => g.ArticleId is not null)
            .GroupBy(g => g.ArticleId!)
            .Select(g => (Article: g.Key, t: Tally.Of(g)))
            .Where(x => x.t.Deflected > 0 || x.t.Escalated > 0)
            .OrderByDescending(x => x.t.DurableDeflected).ThenBy(x => x.Article, StringComparer.Ordinal)
            .Select(x => new ArticleRow(x.Article, x.t.Deflected, x.t.DurableDeflected, x.t.Escalated, x.t.DurableDeflected * money.HumanCpc))
            .ToList();

    public static IReadOnlyList<ReasonRow> Reasons(IEnumerable<ContactGroup> groups, Money money) =>
        groups.Where(g => g.Outcome == ContactOutcomes.Escalated)
            .GroupBy(g => g.EscalationReason ?? Unknown)
            .Select(g => (Reason: g.Key, t: Tally.Of(g)))
            .OrderByDescending(x => x.t.Escalated).ThenBy(x => x.Reason, StringComparer.Ordinal)
            .Select(x => new ReasonRow(x.Reason, x.t.Escalated, money.HumanCost(x.t)))
            .ToList();
}

/// <summary>A category's counts and money before the Pareto ranking gives it shares and a class.</summary>
internal sealed record CategoryTotals(
    string Category, long Contacts, long Deflected, long DurableDeflected, long Escalated, long HumanDirect, decimal? HumanCost, decimal? Savings);
