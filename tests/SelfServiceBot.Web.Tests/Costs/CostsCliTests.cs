using System.Text.Json;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>The costs verbs as a user runs them: the app's executable on a real database.</summary>
public class CostsCliTests
{
    [Fact]
    public async Task Import_loads_the_good_rows_reports_each_bad_one_and_a_second_import_updates()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" });
        var file = Path.Combine(app.DataDirectory, "calls.csv");
        await File.WriteAllTextAsync(file, """
            contact_id,customer_id,channel,locale,started_at,ended_at,outcome,category,article_id,escalation_reason,handle_minutes,csat,llm_input_tokens,llm_output_tokens
            call-1,c-1,phone,en,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z,human_direct,payment,,,10,5,,
            call-2,c-2,phone,en,03/02/2026,,human_direct,payment,,,8,,,
            call-3,c-3,email,zh-CN,2026-03-03T09:00:00Z,,human_direct,returns,,,abc,,,
            call-4,c-4,email,en,2026-03-04T09:00:00Z,,human_direct,returns,,,6,,,
            """);

        var first = await CostsApiTests.RunCliAsync(app, "costs", "import", "--contacts", file);
        var second = await CostsApiTests.RunCliAsync(app, "costs", "import", "--contacts", file);
        var (_, json, _) = await CostsApiTests.RunCliAsync(app, "costs", "report", "--from", "2026-03-01", "--to", "2026-04-01", "--json");

        Assert.Equal(1, first.Exit);
        Assert.Contains("2 contacts added, 0 updated, 2 rows refused", first.Output);
        Assert.Contains("calls.csv:3: started_at '03/02/2026'", first.Error);
        Assert.Contains("calls.csv:4: handle_minutes 'abc'", first.Error);
        Assert.Contains("0 contacts added, 2 updated", second.Output);
        using var report = JsonDocument.Parse(json);
        Assert.Equal(2, report.RootElement.GetProperty("human_direct").GetInt64());
        Assert.Equal(8m, report.RootElement.GetProperty("H").GetDecimal());   // (10 + 6) / 2
    }

    [Fact]
    public async Task A_bad_period_or_model_file_is_a_clear_error()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" });
        var model = Path.Combine(app.DataDirectory, "model.json");
        await File.WriteAllTextAsync(model, """{"human": {"agentz": 3}}""");

        var noTo = await CostsApiTests.RunCliAsync(app, "costs", "report", "--from", "2026-03-01", "--json");
        var badModel = await CostsApiTests.RunCliAsync(app, "costs", "report", "--from", "2026-03-01", "--to", "2026-04-01", "--model", model, "--json");

        Assert.Equal(2, noTo.Exit);
        Assert.Contains("--to is required", noTo.Error);
        Assert.Equal("", noTo.Output);
        Assert.Equal(1, badModel.Exit);
        Assert.Contains("agentz", badModel.Error);
        Assert.Equal("", badModel.Output);
    }
}
