using SelfServiceBot.Costs.Ledger;

namespace SelfServiceBot.Costs.Reports;

/// <summary>
/// The model's tokens and spend per calendar month (trend.llm_by_month). Each day's tokens are priced with the model valid
/// that day, so a month across a version change is priced day by day and the months add up to llm_spend.
/// </summary>
internal static class LlmMonths
{
    private static readonly DateOnly Epoch = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public static IReadOnlyList<LlmMonth> Build(ReportPeriod period, IReadOnlyList<TrendGroup> trend, IReadOnlyList<ReportPart> parts)
    {
        // bot_variable prices the engaged contacts' tokens only.
        var days = trend.Where(r => r.Outcome is not (ContactOutcomes.Unengaged or ContactOutcomes.HumanDirect)).ToList();
        var months = new List<LlmMonth>();
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month < period.To; month = month.AddMonths(1))
        {
            var (from, to) = (DayNumber(month), DayNumber(month.AddMonths(1)));
            var inMonth = days.Where(d => d.Day >= from && d.Day < to).ToList();
            var spend = inMonth.Sum(d => CostFormulas.LlmSpend(PartOf(d.Day, parts).Model.Bot, d.LlmInputTokens, d.LlmOutputTokens));
            months.Add(new LlmMonth(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                inMonth.Sum(d => d.LlmInputTokens), inMonth.Sum(d => d.LlmOutputTokens), spend));
        }
        return months;
    }

    private static ReportPart PartOf(int day, IReadOnlyList<ReportPart> parts) =>
        parts.LastOrDefault(p => DayNumber(p.Period.From) <= day) ?? parts[0];

    private static int DayNumber(DateOnly day) => day.DayNumber - Epoch.DayNumber;
}
