using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfServiceBot.Costs;
using SelfServiceBot.Costs.Demo;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;

namespace SelfServiceBot.Web.Cli.Costs;

/// <summary>
/// Fills the configured database with N demo contacts over a year and times the full-year report beside the simplest
/// query over the same rows (SELECT count(*) ... GROUP BY outcome). Figures only; no pass/fail.
/// </summary>
internal static class CostsBenchmark
{
    private const int Runs = 5;

    public static async Task<int> RunAsync(CliArguments a)
    {
        var contacts = a.Int("--contacts") ?? 1_000_000;
        var services = await CliHost.StartAsync();
        var factory = services.GetRequiredService<IDbContextFactory<BotDbContext>>();
        await using (var db = factory.CreateDbContext())
        {
            Console.WriteLine($"database: {db.Database.ProviderName}, {Environment.ProcessorCount} cores");
        }

        var fill = Stopwatch.StartNew();
        var written = await services.GetRequiredService<DemoData>().FillAsync(12, contacts, a.Int("--seed") ?? 1, CancellationToken.None);
        Console.WriteLine($"generated {written:N0} contacts (incl. recontact marking) in {fill.Elapsed.TotalSeconds:0.0} s");

        var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var from = to.AddMonths(-12);
        var reports = services.GetRequiredService<CostReportService>();
        CostReport? report = null;
        var reportTimes = await TimeAsync(async () => report = await reports.ReportAsync(from, to, null, CancellationToken.None));
        var countTimes = await TimeAsync(async () =>
        {
            await using var db = factory.CreateDbContext();
            await db.Contacts().GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        });
        Console.WriteLine($"report {from:yyyy-MM-dd}..{to:yyyy-MM-dd} over {report!.Contacts:N0} contacts: median {Median(reportTimes):0} ms, best {reportTimes.Min():0} ms ({Runs} runs)");
        Console.WriteLine($"SELECT count(*) ... GROUP BY outcome:      median {Median(countTimes):0} ms, best {countTimes.Min():0} ms ({Runs} runs)");
        // With --versions N the year is then split among N stored cost model versions, each part priced on its own.
        if (a.Int("--versions") is int versions and > 1)
        {
            var model = services.GetRequiredService<IOptions<CostsOptions>>().Value.ToModel();
            for (var i = 0; i < versions; i++)
            {
                await services.GetRequiredService<CostModelStore>().SaveAsync(model, from.AddDays(i * 365 / versions), "bench", CancellationToken.None);
            }
            var splitTimes = await TimeAsync(async () => report = await reports.ReportAsync(from, to, null, CancellationToken.None));
            Console.WriteLine($"the same report across {report.ModelVersions.Count} model versions: median {Median(splitTimes):0} ms, best {splitTimes.Min():0} ms ({Runs} runs)");
        }
        Console.WriteLine($"ratio report / plain GROUP BY: {Median(reportTimes) / Median(countTimes):0.0}x");
        return 0;
    }

    private static async Task<List<double>> TimeAsync(Func<Task> action)
    {
        await action();   // warm-up: query compilation, page cache
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
