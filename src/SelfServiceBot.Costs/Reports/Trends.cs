using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;

namespace SelfServiceBot.Costs.Reports;

/// <summary>Contacts by outcome and savings per day (or week), every bucket of the period present, empty ones as zeros.</summary>
internal static class Trends
{
    // Day numbers count from 1970-01-01, as ContactRecord.StartedDay does.
    private static readonly DateOnly Epoch = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public static TrendReport Build(ReportPeriod period, IReadOnlyList<TrendGroup> rows, decimal? humanCpc) =>
        Build(period, rows, [new PricedSpan(period, humanCpc)]);

    /// <summary>
    /// With several parts (cost model versions), a bucket's savings are the sum over the parts it overlaps of the part's
    /// durable deflections in the bucket x the part's human_cpc: a week across a version change is priced day by day.
    /// </summary>
    public static TrendReport Build(ReportPeriod period, IReadOnlyList<TrendGroup> rows, IReadOnlyList<PricedSpan> parts)
    {
        var step = period.Weekly ? 7 : 1;
        var first = DayNumber(period.From);
        if (period.Weekly)
        {
            first -= (first + 3) % 7;
        }
        var last = DayNumber(period.To) - 1;
        // Day 0 (1970-01-01) was a Thursday: day - (day + 3) % 7 is the Monday that starts its week.
        var byDay = rows.ToLookup(r => period.Weekly ? r.Day - (r.Day + 3) % 7 : r.Day);
        var points = new List<TrendPoint>();
        for (var day = first; day <= last; day += step)
        {
            var bucket = byDay[day].ToList();
            long count(Func<TrendGroup, bool> p) => bucket.Where(p).Sum(r => r.Count);
            var deflected = count(r => ContactOutcomes.IsDeflected(r.Outcome));
            var durable = deflected - count(r => r.Recontacted && ContactOutcomes.IsDeflected(r.Outcome));
            points.Add(new TrendPoint(
                Epoch.AddDays(day).ToString("yyyy-MM-dd"),
                count(_ => true), deflected, durable,
                count(r => r.Outcome == ContactOutcomes.Escalated),
                count(r => r.Outcome == ContactOutcomes.Abandoned),
                count(r => r.Outcome == ContactOutcomes.Unengaged),
                count(r => r.Outcome == ContactOutcomes.HumanDirect),
                parts.Count == 1 ? durable * parts[0].HumanCpc : Savings(bucket, day, day + step, parts)));
        }
        // The model's months (LlmMonths) are priced per model version part: VersionedReport adds them.
        return new TrendReport(period.Weekly ? "week" : "day", points, []);
    }

    private static decimal? Savings(List<TrendGroup> bucket, int start, int end, IReadOnlyList<PricedSpan> parts)
    {
        decimal? savings = 0m;
        foreach (var part in parts)
        {
            var (from, to) = (DayNumber(part.Period.From), DayNumber(part.Period.To));
            if (to <= start || from >= end)
            {
                continue;
            }
            var durable = bucket.Where(r => r.Day >= from && r.Day < to && ContactOutcomes.IsDeflected(r.Outcome) && !r.Recontacted).Sum(r => r.Count);
            savings += durable * part.HumanCpc;
        }
        return savings;
    }

    private static int DayNumber(DateOnly day) => day.DayNumber - Epoch.DayNumber;
}

/// <summary>A part of the report period and the human_cpc that prices its durable deflections.</summary>
internal sealed record PricedSpan(ReportPeriod Period, decimal? HumanCpc);
