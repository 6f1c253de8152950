using System.Net;
using System.Net.WebSockets;
using System.Text;
using SelfServiceBot.Web.Tests.DirectLine;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Inputs;

/// <summary>
/// Sends <see cref="Probe"/>s to the running app over real HTTP and WebSocket. Holds a few started Direct Line
/// conversations (their bearer and stream tokens) for the probes to aim at; one a probe ended is replaced.
/// </summary>
internal sealed class ProbeSession(AppServer app, string connectorServiceUrl) : IDisposable
{
    public const int Slots = 4;
    private readonly HttpClient _http = new() { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    private readonly DirectLineTestClient _client = new(app);
    private readonly Conversation[] _slots = new Conversation[Slots];

    private sealed record Conversation(string Id, string Token, string StreamToken);

    public async Task StartAsync()
    {
        for (var i = 0; i < Slots; i++)
        {
            _slots[i] = await StartConversationAsync();
        }
    }

    /// <summary>The status the app answered (101 for an accepted socket).</summary>
    public async Task<int> SendAsync(Probe probe)
    {
        var own = Volatile.Read(ref _slots[probe.Slot]);
        var other = Volatile.Read(ref _slots[(probe.Slot + 1) % Slots]);
        var id = probe.Target switch
        {
            ProbeTarget.Own => own.Id,
            ProbeTarget.Other => other.Id,
            ProbeTarget.Long => new string('c', 3_000),
            _ => probe.RandomId.Length == 0 ? "x" : Uri.EscapeDataString(probe.RandomId),
        };
        var credential = probe.Auth switch
        {
            ProbeAuth.Token => own.Token,
            ProbeAuth.StreamToken => own.StreamToken,
            ProbeAuth.OtherConversationsToken => other.Token,
            ProbeAuth.Garbage => "not.a.token",
            ProbeAuth.BearerOnly => "",
            ProbeAuth.Oversized => new string('a', 40_000),
            _ => null,
        };
        if (probe.Route is ProbeRoute.StreamSocket or ProbeRoute.StreamGet && probe.Auth is ProbeAuth.Token or ProbeAuth.StreamToken)
        {
            // Well aimed, a socket carries its stream token in the URL; the other way round, the bearer token (refused there).
            credential = probe.Auth == ProbeAuth.Token ? own.StreamToken : own.Token;
        }
        var watermark = probe.Watermark is null ? "" : "watermark=" + Uri.EscapeDataString(probe.Watermark);
        var conversation = $"/v3/directline/conversations/{id}";
        if (probe.Route == ProbeRoute.StreamSocket)
        {
            return await OpenSocketAsync($"{conversation}/stream?t={Uri.EscapeDataString(credential ?? "")}&{watermark}");
        }
        var (method, path) = probe.Route switch
        {
            ProbeRoute.Messages => ("POST", "/api/messages"),
            ProbeRoute.Generate => ("POST", "/v3/directline/tokens/generate"),
            ProbeRoute.Refresh => ("POST", "/v3/directline/tokens/refresh"),
            ProbeRoute.Start => ("POST", "/v3/directline/conversations"),
            ProbeRoute.Reconnect => ("GET", $"{conversation}?{watermark}"),
            ProbeRoute.ListActivities => ("GET", $"{conversation}/activities?{watermark}"),
            ProbeRoute.PostActivity => ("POST", $"{conversation}/activities"),
            ProbeRoute.Upload => ("POST", $"{conversation}/upload"),
            _ => ("GET", $"{conversation}/stream?t={Uri.EscapeDataString(credential ?? "")}&{watermark}"),
        };
        // Kestrel answers headers over its limit with 431 and closes the connection at once, so a body sent with them
        // would break the pipe before the client reads the answer: that probe goes without one.
        var body = probe.Auth == ProbeAuth.Oversized ? [] : probe.Route == ProbeRoute.Messages ? AddressedToTheStandIn(probe) : probe.Body;
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method.Length > 0 ? probe.Method : method), path)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = null;
        if (probe.ContentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", probe.ContentType);
        }
        if (credential is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", credential.Length == 0 ? "Bearer" : "Bearer " + credential);
        }
        using var response = await _http.SendAsync(request);
        var status = (int)response.StatusCode;
        if (probe.Route == ProbeRoute.PostActivity && status == 200 && probe.Target == ProbeTarget.Own
            && Encoding.UTF8.GetString(probe.Body).Contains("endOfConversation", StringComparison.Ordinal))
        {
            // That may have ended the slot's conversation: the next probes get a live one.
            Volatile.Write(ref _slots[probe.Slot], await StartConversationAsync());
        }
        return status;
    }

    // Half the /api/messages probes name a channel, conversation and the stand-in connector, so their turns can run.
    private byte[] AddressedToTheStandIn(Probe probe)
    {
        if (probe.Slot % 2 == 1 || probe.Body.Length < 2 || probe.Body[0] != (byte)'{')
        {
            return probe.Body;
        }
        var conversationId = probe.Target == ProbeTarget.Long ? new string('c', 3_000) : $"probe-{probe.Slot}";
        var address = $"{{\"serviceUrl\":\"{connectorServiceUrl}\",\"channelId\":\"emulator\",\"conversation\":{{\"id\":\"{conversationId}\"}},\"recipient\":{{\"id\":\"bot\"}},";
        return [.. Encoding.UTF8.GetBytes(address), .. probe.Body.AsSpan(1)];
    }

    private async Task<int> OpenSocketAsync(string pathAndQuery)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await socket.ConnectAsync(new Uri($"ws://{app.BaseAddress.Authority}{pathAndQuery}"), timeout.Token);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "probe done", timeout.Token);
            return (int)HttpStatusCode.SwitchingProtocols;
        }
        catch (WebSocketException) when (socket.HttpStatusCode != 0)
        {
            return (int)socket.HttpStatusCode;
        }
    }

    private async Task<Conversation> StartConversationAsync()
    {
        var (id, token, streamUrl) = await _client.StartAsync();
        var query = new Uri(streamUrl).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("t=", StringComparison.Ordinal));
        return new Conversation(id, token, Uri.UnescapeDataString(query[2..]));
    }

    public void Dispose()
    {
        _http.Dispose();
        _client.Dispose();
    }
}
