using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Reports;

/// <summary>The one way to get a report, for the CLI, the API and the dashboard alike.</summary>
public sealed class CostReportService(IDbContextFactory<BotDbContext> factory, CostModelStore models)
{
    /// <summary>The report for [from, to) with <paramref name="model"/>, or else the model valid at <paramref name="from"/>.</summary>
    public async Task<CostReport> ReportAsync(DateOnly from, DateOnly to, CostModel? model, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Create(from, to);
        var (chosen, source) = model is null ? await models.ValidAtAsync(from, cancellationToken) : (model, "file");
        await using var db = factory.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var groups = await ContactAggregates.GroupsAsync(db, period, cancellationToken);
        var trend = await ContactAggregates.TrendAsync(db, period, cancellationToken);
        return CostCalculator.Compute(period, chosen, source, groups, trend);
    }
}
