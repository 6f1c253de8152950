using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Reports;

/// <summary>The one way to get a report, for the CLI, the API and the dashboard alike.</summary>
public sealed class CostReportService(IDbContextFactory<BotDbContext> factory, CostModelStore models)
{
    /// <summary>
    /// The report for [from, to) with <paramref name="model"/>, or else with the stored versions valid in the period: a
    /// version that starts inside it splits it, and each part is priced with its own model (VersionedReport).
    /// </summary>
    public async Task<CostReport> ReportAsync(DateOnly from, DateOnly to, CostModel? model, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Create(from, to);
        IReadOnlyList<ModelSpan> spans = model is null
            ? await models.DuringAsync(from, to, cancellationToken)
            : [new ModelSpan(from, to, model, "file")];
        // Two independent scans on two connections: on a machine with two cores the report takes as long as the longer one.
        await using var groupsDb = Open();
        await using var trendDb = Open();
        var trend = ContactAggregates.TrendAsync(trendDb, period, cancellationToken);
        var parts = PartsAsync(groupsDb, spans, cancellationToken);
        await Task.WhenAll(parts, trend);
        return VersionedReport.Compute(period, await parts, await trend);
    }

    private static async Task<List<ReportPart>> PartsAsync(BotDbContext db, IReadOnlyList<ModelSpan> spans, CancellationToken cancellationToken)
    {
        var parts = new List<ReportPart>(spans.Count);
        foreach (var span in spans)
        {
            var part = ReportPeriod.Create(span.From, span.To);
            parts.Add(new ReportPart(part, span.Model, span.Source, await ContactAggregates.GroupsAsync(db, part, cancellationToken)));
        }
        return parts;
    }

    private BotDbContext Open()
    {
        var db = factory.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        return db;
    }
}
