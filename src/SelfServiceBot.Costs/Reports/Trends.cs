using SelfServiceBot.Costs.Ledger;

namespace SelfServiceBot.Costs.Reports;

/// <summary>Contacts by outcome and savings per day (or week), every bucket of the period present, empty ones as zeros.</summary>
internal static class Trends
{
    public static TrendReport Build(ReportPeriod period, IReadOnlyList<TrendGroup> rows, decimal? humanCpc)
    {
        var step = period.Weekly ? 7 : 1;
        // Day numbers count from 1970-01-01, as ContactRecord.StartedDay does.
        var epoch = DateOnly.FromDateTime(DateTime.UnixEpoch);
        var first = period.From.DayNumber - epoch.DayNumber;
        if (period.Weekly)
        {
            first -= (first + 3) % 7;
        }
        var last = period.To.DayNumber - epoch.DayNumber - 1;
        // Day 0 (1970-01-01) was a Thursday: day - (day + 3) % 7 is the Monday that starts its week.
        var byDay = rows.ToLookup(r => period.Weekly ? r.Day - (r.Day + 3) % 7 : r.Day);
        var points = new List<TrendPoint>();
        for (var day = first; day <= last; day += step)
        {
            long count(Func<TrendGroup, bool> p) => byDay[day].Where(p).Sum(r => r.Count);
            var deflected = count(r => ContactOutcomes.IsDeflected(r.Outcome));
            var durable = deflected - count(r => r.Recontacted && ContactOutcomes.IsDeflected(r.Outcome));
            points.Add(new TrendPoint(
                epoch.AddDays(day).ToString("yyyy-MM-dd"),
                count(_ => true), deflected, durable,
                count(r => r.Outcome == ContactOutcomes.Escalated),
                count(r => r.Outcome == ContactOutcomes.Abandoned),
                count(r => r.Outcome == ContactOutcomes.Unengaged),
                count(r => r.Outcome == ContactOutcomes.HumanDirect),
                durable * humanCpc));
        }
        return new TrendReport(period.Weekly ? "week" : "day", points);
    }
}
