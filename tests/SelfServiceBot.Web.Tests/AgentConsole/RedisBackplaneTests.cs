using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Browser;
using SelfServiceBot.Web.Tests.DirectLine;
using SelfServiceBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SelfServiceBot.Web.Tests.AgentConsole;

/// <summary>
/// Two app instances sharing one database and a real Redis (the SignalR backplane): the customer talks to instance A over
/// Direct Line, the agent's console is on instance B. What A's desk announces (a new chat, the customer's messages)
/// reaches the console on B only through Redis; what the agent writes on B reaches the customer's socket on A.
/// </summary>
public class RedisBackplaneTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_customer_on_instance_A_and_an_agent_on_instance_B_reach_each_other_through_Redis()
    {
        using var redis = await RedisServer.StartAsync();
        var shared = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration, ["Handoff:AutoAssign"] = "false" };
        using var a = new AppServer(shared);
        using var b = new AppServer(new Dictionary<string, string?>(shared)
        {
            ["ConnectionStrings:SelfServiceBot"] = $"Data Source={Path.Combine(a.DataDirectory, "bot.db")}",
        });
        await using (var scope = b.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync("anna@example.com", [StaffRoles.Agent], StaffBrowser.Password, mustChangePassword: false, "Anna");
            Assert.True(created.Succeeded, created.Error);
        }
        var console = await StaffBrowser.SignedInAsync(chromium, b, "anna@example.com", "/agent");
        await Expect(console.Locator("body[data-ready=true]")).ToBeAttachedAsync();
        await console.Locator("#presence").SelectOptionAsync("online");
        using var customer = new DirectLineTestClient(a);
        var (conversationId, token, streamUrl) = await customer.StartAsync("en-US");
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);
        Assert.StartsWith(a.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal).TrimEnd('/'), streamUrl);

        await customer.PostMessageAsync(conversationId, token, "talk to a human");
        var waiting = console.Locator("#waiting li", new() { HasText = "talk to a human" });
        await Expect(waiting).ToBeVisibleAsync();
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await ReceiveFromBotAsync(socket, "has joined the chat");

        await customer.PostMessageAsync(conversationId, token, "My parcel arrived damaged.");
        await Expect(console.Locator("#lines li.customer", new() { HasText = "My parcel arrived damaged." })).ToBeVisibleAsync();
        await console.Locator("#text").FillAsync("Sorry to hear that: I'm sending a replacement today.");
        await console.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        var reply = await ReceiveFromBotAsync(socket, "sending a replacement");

        Assert.Equal("Sorry to hear that: I'm sending a replacement today.", (string?)reply["text"]);
        Assert.Equal("Anna", (string?)reply["from"]?["name"]);
        await console.Context.CloseAsync();
    }

    private static async Task<JsonObject> ReceiveFromBotAsync(System.Net.WebSockets.WebSocket socket, string text)
    {
        static bool Wanted(JsonObject x, string text) =>
            (string?)x["type"] == "message" && (string?)x["from"]?["role"] == "bot" && ((string?)x["text"] ?? "").Contains(text, StringComparison.Ordinal);
        var (activities, _) = await DirectLineTestClient.ReceiveUntilAsync(socket, seen => seen.Any(x => Wanted(x, text)));
        return activities.First(x => Wanted(x, text));
    }
}
