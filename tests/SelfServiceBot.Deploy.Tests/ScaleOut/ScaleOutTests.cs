using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Deploy.Tests.ScaleOut;

/// <summary>
/// The shipped deployment, end to end on this machine: a customer in Chromium and an agent on the console, both through
/// nginx running deploy/nginx.conf, two app instances on one PostgreSQL with Redis; one instance dies (SIGKILL) mid-chat and
/// the survivor carries the conversation; afterwards every acknowledged customer message is stored exactly once and the
/// contact is escalated. The Host header (a streamUrl on port 80) and the migrate-on-start race both fail it.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutTests(ScaleOutTopology topology, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    [Fact]
    public async Task Through_nginx_the_stream_url_keeps_the_public_port_and_is_wss_behind_a_TLS_proxy()
    {
        using var http = new HttpClient { BaseAddress = topology.Proxy.BaseAddress };
        var plain = await StartConversationAsync(http, forwardedProto: null);
        Assert.StartsWith($"ws://127.0.0.1:{topology.Proxy.Port}/v3/directline/conversations/", plain);

        var behindTls = await StartConversationAsync(http, forwardedProto: "https");
        Assert.StartsWith($"wss://127.0.0.1:{topology.Proxy.Port}/v3/directline/conversations/", behindTls);
    }

    [Fact]
    public async Task A_customer_and_an_agent_carry_on_through_the_survivor_when_an_instance_is_killed_and_every_message_is_stored_once()
    {
        var sent = new List<string>();
        var agent = await SignedInAgentAsync();
        var customer = await chromium.NewPageAsync("en-US");
        try
        {
            await ChatThroughTheKillAsync(agent, customer, sent);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // What both saw and what both instances logged, for whoever reads the failure.
            await customer.ScreenshotAsync(new() { Path = Screenshot("scale-out-failed-customer.png") });
            await agent.ScreenshotAsync(new() { Path = Screenshot("scale-out-failed-agent.png") });
            throw new InvalidOperationException($"{ex.Message}\nScreenshots in {Screenshot("")}\n{topology.Logs}", ex);
        }
        await AssertStoredOnceAndEscalatedAsync(sent);
    }

    private async Task ChatThroughTheKillAsync(IPage agent, IPage customer, List<string> sent)
    {
        await customer.GotoAsync(topology.Proxy.BaseAddress.ToString());
        await Expect(customer.Locator(BotBubble).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await SendAsync(customer, sent, "How do I track my order?");
        await Expect(customer.Locator(BotBubble, new() { HasText = "track your order" }).First).ToBeVisibleAsync();

        await SendAsync(customer, sent, "I want to talk to a human");
        // Auto-assignment (the default) gives the chat to the only agent online.
        var chat = agent.Locator("#mine li", new() { HasText = "talk to a human" });
        await Expect(chat).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await chat.ClickAsync();
        await Expect(customer.Locator(BotBubble, new() { HasText = "Anna has joined the chat" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await SendAsync(customer, sent, "My parcel 4711 arrived damaged");
        await Expect(agent.Locator("#lines li.customer", new() { HasText = "parcel 4711" })).ToBeVisibleAsync();
        await AgentSaysAsync(agent, "Sorry to hear that, I am looking at parcel 4711.");
        await Expect(customer.Locator(BotBubble, new() { HasText = "looking at parcel 4711" }).First).ToBeVisibleAsync();

        // The instance holding most of the live sockets (the customer's stream, the agent's console) dies.
        var victim = topology.Instances.MaxBy(i => i.EstablishedConnections())!;
        Assert.True(victim.EstablishedConnections() > 0, $"no instance holds a live socket\n{topology.Logs}");
        victim.Kill();

        // Whatever instance their sockets were on, both sides go on through nginx and the survivor.
        await SendAsync(customer, sent, "Are you still there after the outage?");
        await Expect(agent.Locator("#lines li.customer", new() { HasText = "after the outage" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await AgentSaysAsync(agent, "Still here: a replacement for parcel 4711 is on its way.");
        await Expect(customer.Locator(BotBubble, new() { HasText = "replacement for parcel 4711" }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(customer.GetByText("Send failed")).ToHaveCountAsync(0);
        await customer.ScreenshotAsync(new() { Path = Screenshot("scale-out-customer.png") });
        await agent.ScreenshotAsync(new() { Path = Screenshot("scale-out-agent.png") });
    }

    private async Task AssertStoredOnceAndEscalatedAsync(IReadOnlyList<string> sent)
    {
        await using var db = new NpgsqlConnection(topology.ConnectionString);
        await db.OpenAsync();
        var conversation = await ScalarAsync<string>(db,
            """SELECT "ConversationId" FROM "ConversationEvents" WHERE "Type" = 'customer_message' AND "Text" = @text""", sent[0]);
        foreach (var text in sent)
        {
            var stored = await ScalarAsync<long>(db,
                """SELECT COUNT(*) FROM "ConversationEvents" WHERE "Type" = 'customer_message' AND "ConversationId" = @conversation AND "Text" = @text""",
                text, conversation);
            Assert.True(stored == 1, $"'{text}' is stored {stored} times, not once.\n{topology.Logs}");
        }
        // The survivor's ledger (every 10 s) turns the events into the contact.
        await WaitForAsync("""SELECT "Outcome" FROM "Contacts" WHERE "ConversationId" = @conversation ORDER BY "Id" DESC LIMIT 1""",
            "escalated", TimeSpan.FromSeconds(60), conversation);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection db, string sql, string? text, string? conversation = null)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("text", (object?)text ?? DBNull.Value);
        command.Parameters.AddWithValue("conversation", (object?)conversation ?? DBNull.Value);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }

    private async Task<IPage> SignedInAgentAsync()
    {
        var page = await chromium.NewPageAsync("en-US");
        await page.GotoAsync(new Uri(topology.Proxy.BaseAddress, "/agent").ToString());
        await page.Locator("input[name=email]").FillAsync(ScaleOutTopology.AgentEmail);
        await page.Locator("input[name=password]").FillAsync(ScaleOutTopology.AgentPassword);
        await page.Locator("form.stacked button[type=submit]").ClickAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await page.Locator("#presence").SelectOptionAsync("online");
        // The console says nothing when the server took it: wait until the desk has her online, or a customer asking
        // for a person a moment later would get an offline ticket.
        await WaitForAsync("""SELECT COUNT(*) FROM "Agents" WHERE "DisplayName" = 'Anna' AND "Presence" = 'online'""", 1L, TimeSpan.FromSeconds(30));
        return page;
    }

    /// <summary>Polls a query until it gives <paramref name="expected"/>; fails with both instances' logs otherwise.</summary>
    private async Task WaitForAsync(string sql, object expected, TimeSpan timeout, string? conversation = null)
    {
        await using var db = new NpgsqlConnection(topology.ConnectionString);
        await db.OpenAsync();
        var deadline = DateTime.UtcNow + timeout;
        object? actual;
        while (!Equals(actual = await ScalarAsync<object?>(db, sql, null, conversation), expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.True(Equals(actual, expected), $"{sql} gave {actual ?? "nothing"}, not {expected}.\n{topology.Logs}");
    }

    private static async Task AgentSaysAsync(IPage agent, string text)
    {
        await agent.Locator("#text").FillAsync(text);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
    }

    /// <summary>Sends as a customer does and waits until Web Chat shows it as sent (the POST was acknowledged).</summary>
    private static async Task SendAsync(IPage customer, List<string> sent, string text)
    {
        var input = customer.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
        sent.Add(text);
        await Expect(customer.Locator(".webchat__bubble--from-user", new() { HasText = text })).ToBeVisibleAsync();
    }

    private static async Task<string> StartConversationAsync(HttpClient http, string? forwardedProto)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate");
        var token = (string)(await ReadJsonAsync(await http.SendAsync(generate)))["token"]!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (forwardedProto is not null)
        {
            start.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        var started = await http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (string)(await ReadJsonAsync(started))["streamUrl"]!;
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ssb-screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}

/// <summary>One topology for the scale-out tests, started once (publishing and starting it takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutTopology>
{
    public const string Name = "scale-out";
}
