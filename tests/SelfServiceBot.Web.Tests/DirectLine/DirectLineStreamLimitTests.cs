using System.Net;
using System.Net.WebSockets;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>Each open stream reads the database on every poll interval, so one conversation may hold only a few.</summary>
public sealed class DirectLineStreamLimitTests
{
    [Fact]
    public async Task A_conversation_opens_streams_up_to_its_limit_then_gets_429_until_one_closes()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["DirectLine:Limits:StreamsPerConversation"] = "2" });
        using var client = new DirectLineTestClient(app);
        var (_, _, streamUrl) = await client.StartAsync();
        var (_, _, otherStreamUrl) = await client.StartAsync();

        using var first = await DirectLineTestClient.ConnectAsync(streamUrl);
        using var second = await DirectLineTestClient.ConnectAsync(streamUrl);
        var third = await TryConnectAsync(streamUrl);
        using var otherConversation = await DirectLineTestClient.ConnectAsync(otherStreamUrl);
        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        // The server frees the slot once it has seen the close; until then the answer is still 429.
        var afterClose = await TryConnectAsync(streamUrl);
        using var timeout = new CancellationTokenSource(DirectLineTestClient.Patience);
        while (afterClose.Status != HttpStatusCode.SwitchingProtocols)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, afterClose.Status);
            await Task.Delay(50, timeout.Token);
            afterClose = await TryConnectAsync(streamUrl);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal(WebSocketState.Open, second.State);
        Assert.Equal(WebSocketState.Open, otherConversation.State);
        afterClose.Socket!.Dispose();
    }

    private static async Task<(HttpStatusCode Status, ClientWebSocket? Socket)> TryConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(DirectLineTestClient.Patience);
        try
        {
            await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
            return (socket.HttpStatusCode, socket);
        }
        catch (WebSocketException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            return (status, null);
        }
    }
}
