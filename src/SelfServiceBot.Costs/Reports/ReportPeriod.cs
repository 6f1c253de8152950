namespace SelfServiceBot.Costs.Reports;

/// <summary>The period [from, to) in UTC days; a contact belongs to it when its started_at falls inside.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    public DateTimeOffset End => new(To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    public int Days => To.DayNumber - From.DayNumber;

    public static ReportPeriod Create(DateOnly from, DateOnly to) =>
        to > from ? new ReportPeriod(from, to) : throw new ArgumentException($"The period must end after it starts: from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.");

    /// <summary>months = the sum, over the calendar months [from, to) overlaps, of overlap days / days in that month.</summary>
    public decimal Months
    {
        get
        {
            var months = 0m;
            var cursor = From;
            while (cursor < To)
            {
                var monthStart = new DateOnly(cursor.Year, cursor.Month, 1);
                var nextMonth = monthStart.AddMonths(1);
                var end = nextMonth < To ? nextMonth : To;
                months += (decimal)(end.DayNumber - cursor.DayNumber) / DateTime.DaysInMonth(cursor.Year, cursor.Month);
                cursor = end;
            }
            return months;
        }
    }

    /// <summary>Day by day up to 62 days, else week by week (weeks start on Monday).</summary>
    public bool Weekly => Days > 62;
}
