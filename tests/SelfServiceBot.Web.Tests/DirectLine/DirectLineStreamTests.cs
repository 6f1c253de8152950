using System.Net.WebSockets;
using System.Text;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

public class DirectLineStreamTests
{
    [Fact]
    public async Task The_stream_delivers_the_echo_and_the_bot_reply_as_activity_sets()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);

        var id = await client.PostMessageAsync(conversationId, token, "How do I track my order?", clientActivityId: "ws-1");
        var (activities, watermarks) = await DirectLineTestClient.ReceiveUntilAsync(socket,
            seen => seen.Any(a => DirectLineTestClient.IsBotReplyTo(a, id)));

        var echo = activities.Single(a => (string?)a["id"] == id);
        Assert.Equal("ws-1", (string?)echo["channelData"]?["clientActivityID"]);
        Assert.All(watermarks, w => Assert.True(long.TryParse(w, out _), $"watermark '{w}'"));
    }

    [Fact]
    public async Task A_new_socket_replays_what_came_after_its_watermark_then_goes_live()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        var first = await client.PostMessageAsync(conversationId, token, "first");
        var watermark = (string)(await client.GetActivitiesAsync(conversationId, token))["watermark"]!;
        var second = await client.PostMessageAsync(conversationId, token, "second");
        var reconnect = await DirectLineTestClient.ReadOkAsync(
            await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark={watermark}", token));
        using var socket = await DirectLineTestClient.ConnectAsync((string)reconnect["streamUrl"]!);

        var replayed = await DirectLineTestClient.ReceiveUntilAsync(socket, seen => seen.Any(a => (string?)a["id"] == second));
        var third = await client.PostMessageAsync(conversationId, token, "third");
        var live = await DirectLineTestClient.ReceiveUntilAsync(socket, seen => seen.Any(a => (string?)a["id"] == third));

        Assert.DoesNotContain(replayed.Activities, a => (string?)a["id"] == first);
        Assert.DoesNotContain(live.Activities, a => (string?)a["id"] == second);
    }

    [Fact]
    public async Task Empty_keep_alive_frames_from_the_client_are_ignored()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);

        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes(""), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var id = await client.PostMessageAsync(conversationId, token, "still there?");
        var (activities, _) = await DirectLineTestClient.ReceiveUntilAsync(socket, seen => seen.Any(a => (string?)a["id"] == id));

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Contains(activities, a => (string?)a["id"] == id);
    }

    [Fact]
    public async Task Live_typing_goes_over_the_socket()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);

        await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, """{"type":"typing"}""");
        var (activities, _) = await DirectLineTestClient.ReceiveUntilAsync(socket, seen => seen.Any(a => (string?)a["type"] == "typing"));

        Assert.Contains(activities, a => (string?)a["type"] == "typing");
    }

    [Fact]
    public async Task Typing_skips_the_log_and_takes_no_watermark()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        var before = (string?)(await client.GetActivitiesAsync(conversationId, token))["watermark"];

        await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, """{"type":"typing"}""");
        var after = await client.GetActivitiesAsync(conversationId, token);

        Assert.Equal(before, (string?)after["watermark"]);
        Assert.DoesNotContain(after["activities"]!.AsArray(), a => (string?)a!["type"] == "typing");
    }

    [Fact]
    public async Task A_socket_with_another_conversations_token_is_refused()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, _, _) = await client.StartAsync();
        var (_, otherToken, _) = await client.StartAsync();
        var url = $"ws://{app.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t={otherToken}";

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(url), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }
}
