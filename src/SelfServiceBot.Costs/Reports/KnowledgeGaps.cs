using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Privacy;

namespace SelfServiceBot.Costs.Reports;

/// <summary>
/// The questions that most often ended with a person or with nothing: the customer's first message, normalised and grouped
/// (with its category), ranked by what answering them would save = count x human_cpc. The example is masked again
/// (<see cref="PersonalDataMasker"/>): contacts recorded before the bot masked what customers typed still hold it as typed,
/// and these questions reach the dashboard and every export.
/// </summary>
public sealed class KnowledgeGaps(IDbContextFactory<BotDbContext> factory, PersonalDataMasker masker)
{
    public async Task<IReadOnlyList<KnowledgeGap>> TopAsync(DateOnly from, DateOnly to, decimal? humanCpc, int top, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Create(from, to);
        var (start, end) = (period.Start, period.End);
        await using var db = factory.CreateDbContext();
        var rows = await db.Contacts().AsNoTracking()
            .Where(c => c.StartedAt >= start && c.StartedAt < end && c.QuestionKey != null
                && (c.Outcome == ContactOutcomes.Escalated || c.Outcome == ContactOutcomes.Abandoned))
            .GroupBy(c => new { c.QuestionKey, c.Category })
            .Select(g => new
            {
                g.Key.QuestionKey,
                g.Key.Category,
                Example = g.Max(c => c.Question),
                Escalated = g.Count(c => c.Outcome == ContactOutcomes.Escalated),
                Abandoned = g.Count(c => c.Outcome == ContactOutcomes.Abandoned),
            })
            .OrderByDescending(g => g.Escalated + g.Abandoned).ThenBy(g => g.QuestionKey)
            .Take(top)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new KnowledgeGap(masker.Mask(r.Example ?? r.QuestionKey!), r.Category, r.Escalated, r.Abandoned,
            (r.Escalated + r.Abandoned) * humanCpc)).ToList();
    }
}

public sealed record KnowledgeGap(string Question, string? Category, long Escalated, long Abandoned, decimal? PotentialSavings);
