using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Demo;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>/api/costs over real HTTP: who may read it, the same JSON as the CLI, exports, the Admin's model versions.</summary>
public class CostsApiTests
{
    internal static async Task<AppServer> StartWithDemoDataAsync()
    {
        var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" });
        await app.Services.GetRequiredService<DemoData>().FillAsync(months: 2, contacts: 3000, seed: 7, default);
        return app;
    }

    internal static (string From, string To) LastMonth()
    {
        var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        return (to.AddDays(-30).ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd"));
    }

    private static Task<HttpClient> As(AppServer app, string? role) => StaffSessions.ApiClientAsync(app, role);

    [Fact]
    public async Task Only_managers_supervisors_and_admins_read_the_report()
    {
        using var app = await StartWithDemoDataAsync();
        var (from, to) = LastMonth();
        var url = $"/api/costs/report?from={from}&to={to}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await (await As(app, null)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As(app, "Agent")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await As(app, null)).GetAsync("/reports/costs")).StatusCode);
        foreach (var role in new[] { "Manager", "Supervisor", "Admin" })
        {
            Assert.Equal(HttpStatusCode.OK, (await (await As(app, role)).GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await (await As(app, "Manager")).GetAsync($"/api/costs/report?from={to}&to={from}")).StatusCode);
    }

    [Fact]
    public async Task The_api_returns_exactly_what_the_cli_prints()
    {
        using var app = await StartWithDemoDataAsync();
        var (from, to) = LastMonth();

        var api = await (await As(app, "Manager")).GetStringAsync($"/api/costs/report?from={from}&to={to}");
        var (exit, cli, error) = await RunCliAsync(app, "costs", "report", "--from", from, "--to", to, "--json");

        Assert.True(exit == 0, error);
        Assert.Equal(api, cli.Trim());
        using var json = JsonDocument.Parse(api);
        Assert.True(json.RootElement.GetProperty("contacts").GetInt64() > 500);
    }

    [Fact]
    public async Task The_exports_download_as_csv_and_xlsx()
    {
        using var app = await StartWithDemoDataAsync();
        var (from, to) = LastMonth();
        var client = await As(app, "Manager");

        var csv = await client.GetAsync($"/api/costs/report.csv?from={from}&to={to}");
        var xlsx = await client.GetAsync($"/api/costs/report.xlsx?from={from}&to={to}");
        var contacts = await client.GetStringAsync($"/api/costs/contacts.csv?from={from}&to={to}");

        Assert.StartsWith("# summary", await csv.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.StartsWith("contact_id,customer_id,channel", contacts);
    }

    [Fact]
    public async Task An_admin_saves_a_model_version_that_reports_from_its_date_use_and_a_bad_one_is_refused()
    {
        using var app = await StartWithDemoDataAsync();
        var (from, to) = LastMonth();
        var admin = await As(app, "Admin");
        var current = JsonDocument.Parse(await admin.GetStringAsync($"/api/costs/report?from={from}&to={to}")).RootElement.GetProperty("model").GetRawText();
        var body = $$"""{"valid_from": "{{from}}", "model": {{current.Replace("\"agents\":12", "\"agents\":15")}}}""";

        var manager = await (await As(app, "Manager")).PostAsync("/api/costs/model", new StringContent(body, Encoding.UTF8, "application/json"));
        var saved = await admin.PostAsync("/api/costs/model", new StringContent(body, Encoding.UTF8, "application/json"));
        var bad = await admin.PostAsync("/api/costs/model", new StringContent(body.Replace("\"shrinkage\":0.3", "\"shrinkage\":3"), Encoding.UTF8, "application/json"));
        // What a cross-site form can send: the same body as text/plain.
        var form = await admin.PostAsync("/api/costs/model", new StringContent(body.Replace("\"agents\":15", "\"agents\":99"), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, manager.StatusCode);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("human.shrinkage", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        var report = JsonDocument.Parse(await admin.GetStringAsync($"/api/costs/report?from={from}&to={to}")).RootElement;
        Assert.StartsWith("stored:", report.GetProperty("model_source").GetString());
        Assert.Equal(15, report.GetProperty("model").GetProperty("human").GetProperty("agents").GetDecimal());
        var history = JsonDocument.Parse(await admin.GetStringAsync("/api/costs/model")).RootElement;
        Assert.Equal(1, history.GetArrayLength());
        Assert.Equal(StaffSessions.EmailFor("Admin"), history[0].GetProperty("created_by").GetString());
    }

    /// <summary>The app's own executable as a CLI on the test server's database.</summary>
    internal static async Task<(int Exit, string Output, string Error)> RunCliAsync(AppServer app, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__SelfServiceBot"] = $"Data Source={Path.Combine(app.DataDirectory, "bot.db")}";
        start.Environment["Database__Provider"] = "Sqlite";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
