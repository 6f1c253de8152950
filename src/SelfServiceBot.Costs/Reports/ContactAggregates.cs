using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Reports;

/// <summary>
/// The report's figures come from two GROUP BY queries over the period's closed contacts; the formulas then run over at
/// most a few thousand groups, never over the contacts themselves.
/// </summary>
internal static class ContactAggregates
{
    public static async Task<List<ContactGroup>> GroupsAsync(BotDbContext db, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        return await db.Contacts.AsNoTracking()
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

    public static async Task<List<TrendGroup>> TrendAsync(BotDbContext db, ReportPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var contacts = db.Contacts.AsNoTracking().Where(c => c.Outcome != null && c.StartedAt >= start && c.StartedAt < end);
        // Day 0 (1970-01-01) was a Thursday: day - (day + 3) % 7 is the Monday that starts the week.
        var rows = period.Weekly
            ? contacts.GroupBy(c => new { Day = c.StartedDay - (c.StartedDay + 3) % 7, c.Outcome, c.Recontacted })
                .Select(g => new TrendGroup { Day = g.Key.Day, Outcome = g.Key.Outcome!, Recontacted = g.Key.Recontacted, Count = g.LongCount() })
            : contacts.GroupBy(c => new { Day = c.StartedDay, c.Outcome, c.Recontacted })
                .Select(g => new TrendGroup { Day = g.Key.Day, Outcome = g.Key.Outcome!, Recontacted = g.Key.Recontacted, Count = g.LongCount() });
        return await rows.ToListAsync(cancellationToken);
    }
}
