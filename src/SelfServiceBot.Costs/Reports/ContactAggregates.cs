using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Reports;

/// <summary>
/// The report's figures come from two GROUP BY queries over the period's closed contacts; the formulas then run over at
/// most a few thousand groups, never over the contacts themselves.
/// </summary>
internal static class ContactAggregates
{
    /// <summary>
    /// SQLite has no hash aggregation: without the covering index in grouping order it sorts every row (several seconds per
    /// million), and with an unknown period its planner prefers the StartedAt index. So the index is named for it.
    /// </summary>
    private const string ByReportIndex = "SELECT * FROM \"Contacts\" INDEXED BY \"IX_Contacts_Report\"";
    private const string ByTrendIndex = "SELECT * FROM \"Contacts\" INDEXED BY \"IX_Contacts_Trend\"";

    private static IQueryable<ContactRecord> Contacts(BotDbContext db, string sqliteSource) =>
        (db.Database.IsSqlite() ? db.Contacts().FromSqlRaw(sqliteSource) : db.Contacts()).AsNoTracking();

    public static async Task<List<ContactGroup>> GroupsAsync(BotDbContext db, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        return await Contacts(db, ByReportIndex)
            .Where(c => c.Outcome != null && c.StartedAt >= start && c.StartedAt < end)
            .GroupBy(c => new { c.ChannelId, c.Locale, c.Category, c.ArticleId, c.EscalationReason, c.Outcome, c.Recontacted })
            .Select(g => new ContactGroup
            {
                ChannelId = g.Key.ChannelId,
                Locale = g.Key.Locale,
                Category = g.Key.Category,
                ArticleId = g.Key.ArticleId,
                EscalationReason = g.Key.EscalationReason,
                Outcome = g.Key.Outcome!,
                Recontacted = g.Key.Recontacted,
                Count = g.LongCount(),
                HandleMilliseconds = g.Sum(c => c.HandleMilliseconds ?? 0),
                HandleCount = g.LongCount(c => c.HandleMilliseconds != null),
                LlmInputTokens = g.Sum(c => c.LlmInputTokens),
                LlmOutputTokens = g.Sum(c => c.LlmOutputTokens),
                CsatSum = g.Sum(c => (long)(c.Csat ?? 0)),
                CsatCount = g.LongCount(c => c.Csat != null),
                CsatHigh = g.LongCount(c => c.Csat >= 4),
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>Contacts per day, outcome and recontact flag; weeks are folded from days afterwards (a few thousand rows).</summary>
    public static async Task<List<TrendGroup>> TrendAsync(BotDbContext db, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var (firstDay, endDay) = (ContactRules.DayNumber(start), ContactRules.DayNumber(end));
        // The day range repeats the time range in the index's leading column, so a short period reads a short stretch of it.
        return await Contacts(db, ByTrendIndex)
            .Where(c => c.StartedDay >= firstDay && c.StartedDay < endDay)
            .Where(c => c.Outcome != null && c.StartedAt >= start && c.StartedAt < end)
            .GroupBy(c => new { c.StartedDay, c.Outcome, c.Recontacted })
            .Select(g => new TrendGroup
            {
                Day = g.Key.StartedDay, Outcome = g.Key.Outcome!, Recontacted = g.Key.Recontacted, Count = g.LongCount(),
                LlmInputTokens = g.Sum(c => c.LlmInputTokens), LlmOutputTokens = g.Sum(c => c.LlmOutputTokens),
            })
            .ToListAsync(cancellationToken);
    }
}
