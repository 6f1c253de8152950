using SelfServiceBot.Costs.Demo;
using SelfServiceBot.Costs.Import;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Costs.Reports;

namespace SelfServiceBot.Web.Cli.Costs;

/// <summary><c>costs report | import | demo | bench</c>; exit 0 done, 1 failed (bad rows, bad files), 2 usage.</summary>
internal static class CostsCommand
{
    public const string Usage = """
          SelfServiceBot.Web costs report --from YYYY-MM-DD --to YYYY-MM-DD [--model FILE.json] [--json]
                                             the cost report for [from, to); --json prints one JSON object (docs/cost-model.md)
          SelfServiceBot.Web costs import --contacts FILE.csv
                                             load contacts (history, phone, e-mail); a contact_id already loaded is updated
          SelfServiceBot.Web costs demo [--months 6] [--contacts N] [--seed 1]
                                             replace the demo contacts with plausible ones for the dashboard
          SelfServiceBot.Web costs bench [--contacts 1000000] [--versions 1]
                                             time the report over N demo contacts beside a plain GROUP BY (scripts/bench-costs.sh);
                                             --versions splits the year among that many stored cost model versions
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "report" => await ReportAsync(CliArguments.Parse(args.Skip(1), ["--from", "--to", "--model"], ["--json"])),
                "import" => await ImportAsync(CliArguments.Parse(args.Skip(1), ["--contacts"], [])),
                "demo" => await DemoAsync(CliArguments.Parse(args.Skip(1), ["--months", "--contacts", "--seed"], [])),
                "bench" => await CostsBenchmark.RunAsync(CliArguments.Parse(args.Skip(1), ["--contacts", "--seed", "--versions"], [])),
                _ => throw new UsageException("costs needs one of: report, import, demo, bench."),
            };
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage:\n" + Usage);
            return 2;
        }
        catch (Exception ex) when (ex is FormatException or FileNotFoundException or DirectoryNotFoundException or CostModelInvalidException or ArgumentException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static async Task<int> ReportAsync(CliArguments a)
    {
        var (from, to) = (a.Date("--from"), a.Date("--to"));
        CostModel? model = null;
        if (a.Value("--model") is { } file)
        {
            model = CostModel.Parse(await File.ReadAllTextAsync(file));
            if (CostModelValidator.Validate(model) is { Count: > 0 } errors)
            {
                throw new CostModelInvalidException(errors);
            }
        }
        var services = await CliHost.StartAsync();
        // The ledger's background service is not running in the CLI: bring it up to date first.
        await services.GetRequiredService<ContactLedger>().CatchUpAsync(CancellationToken.None);
        var report = await services.GetRequiredService<CostReportService>().ReportAsync(from, to, model, CancellationToken.None);
        Console.WriteLine(a.Has("--json") ? report.ToJson() : ReportSummary.Format(report));
        return 0;
    }

    private static async Task<int> ImportAsync(CliArguments a)
    {
        var path = a.Required("--contacts");
        using var reader = new StreamReader(path);
        var services = await CliHost.StartAsync();
        var result = await services.GetRequiredService<ContactImporter>().ImportAsync(reader, CancellationToken.None);
        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync($"{path}:{error.Line}: {error.Reason}");
        }
        Console.WriteLine($"{result.Inserted} contacts added, {result.Updated} updated, {result.Errors.Count} rows refused.");
        return result.Errors.Count == 0 ? 0 : 1;
    }

    private static async Task<int> DemoAsync(CliArguments a)
    {
        var months = a.Int("--months") ?? 6;
        if (months is < 1 or > 60)
        {
            throw new UsageException("--months must be from 1 to 60.");
        }
        var services = await CliHost.StartAsync();
        var written = await services.GetRequiredService<DemoData>().FillAsync(months, a.Int("--contacts"), a.Int("--seed") ?? 1, CancellationToken.None);
        Console.WriteLine($"{written} demo contacts over the last {months} months (earlier demo contacts replaced; real ones untouched).");
        return 0;
    }
}
