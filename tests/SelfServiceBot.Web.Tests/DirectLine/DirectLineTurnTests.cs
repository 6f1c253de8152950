using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using SelfServiceBot.Web.AgentConsole;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>How a bot turn's replies reach a Direct Line client: stored together at the end of the turn, in order.</summary>
public class DirectLineTurnTests
{
    [Fact]
    public async Task A_turns_replies_arrive_in_one_frame_in_order_with_consecutive_ids_right_after_the_echo()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);

        var id = await client.PostMessageAsync(conversationId, token, "How do I track my order?");
        var frames = await DirectLineTestClient.ReceiveFramesUntilAsync(socket, seen => seen.Any(IsFeedbackQuestion));

        var replies = frames.Single(f => f.Activities.Any(IsFeedbackQuestion));
        Assert.Equal(2, replies.Activities.Count);
        Assert.Contains("track your order", (string?)replies.Activities[0]["text"]);
        Assert.All(replies.Activities, a => Assert.Equal(id, (string?)a["replyToId"]));
        Assert.Equal([Sequence(id) + 1, Sequence(id) + 2], replies.Activities.Select(a => Sequence((string)a["id"]!)));
        Assert.Equal((Sequence(id) + 2).ToString(CultureInfo.InvariantCulture), replies.Watermark);
        // Polling sees the same log.
        var polled = await client.PollUntilAsync(conversationId, token, seen => seen.Any(IsFeedbackQuestion));
        Assert.Equal([id, (string)replies.Activities[0]["id"]!, (string)replies.Activities[1]["id"]!], polled.Select(a => (string?)a["id"]));
    }

    [Fact]
    public async Task An_agent_who_joins_during_the_turn_is_announced_after_the_bots_place_in_line()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", "Correct-horse-9", StaffRoles.Agent);
        using var staff = new StaffClient(app);
        await staff.SignInAsync("anna@example.com", "Correct-horse-9");
        await using var anna = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, AgentConsoleExtensions.HubPath), o => o.Cookies = staff.Cookies)
            .Build();
        await anna.StartAsync();
        await anna.InvokeAsync("SetPresence", "online");
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        // The turn says where the customer is in line, then assigns the waiting chat at once: Anna joins within the same turn.
        await client.PostMessageAsync(conversationId, token, "talk to a human");
        var log = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => ((string?)a["text"])?.Contains("has joined") == true));

        var fromBot = log.Where(a => (string?)a["from"]?["role"] == "bot").Select(a => (string?)a["text"]).ToList();
        Assert.Equal(2, fromBot.Count);
        Assert.Contains("in line", fromBot[0]);
        Assert.Contains("has joined", fromBot[1]);
    }

    private static bool IsFeedbackQuestion(JsonObject activity) => (string?)activity["text"] == "Did this answer your question?";

    // Direct Line activity ids are "{conversationId}|{sequence}".
    private static long Sequence(string id) => long.Parse(id[(id.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture);
}
