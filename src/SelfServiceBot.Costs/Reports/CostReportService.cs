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
        // Two independent scans on two connections: on a machine with two cores the report takes as long as the longer one.
        await using var groupsDb = Open();
        await using var trendDb = Open();
        var groups = ContactAggregates.GroupsAsync(groupsDb, period, cancellationToken);
        var trend = ContactAggregates.TrendAsync(trendDb, period, cancellationToken);
        await Task.WhenAll(groups, trend);
        return CostCalculator.Compute(period, chosen, source, await groups, await trend);
    }

    private BotDbContext Open()
    {
        var db = factory.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        return db;
    }
}
