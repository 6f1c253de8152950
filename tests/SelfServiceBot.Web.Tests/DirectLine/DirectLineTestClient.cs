using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>
/// A bare-hands Direct Line v3 client for the functional tests: raw HTTP and WebSocket calls, so
/// the tests see exactly the status codes and JSON a real client gets.
/// </summary>
public sealed class DirectLineTestClient(AppServer app) : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly HttpClient _http = app.CreateHttpClient();

    public string Domain => $"{app.BaseAddress.ToString().TrimEnd('/')}/v3/directline";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(method, $"{Domain}/{path}");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await _http.SendAsync(request);
    }

    public async Task<JsonObject> GenerateTokenAsync(string? bearer = null, string? json = null)
    {
        var response = await SendAsync(HttpMethod.Post, "tokens/generate", bearer, json);
        return await ReadOkAsync(response);
    }

    /// <summary>Generates a token and starts its conversation: (conversationId, token, streamUrl).</summary>
    public async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(string? locale = null)
    {
        var generated = await GenerateTokenAsync();
        var response = await SendAsync(HttpMethod.Post, "conversations", (string)generated["token"]!,
            locale is null ? null : $$"""{"locale":"{{locale}}"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var started = await ReadOkAsync(response);
        return ((string)started["conversationId"]!, (string)started["token"]!, (string)started["streamUrl"]!);
    }

    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "someone", ["name"] = "Test user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        var response = await SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, activity.ToJsonString());
        return (string)(await ReadOkAsync(response))["id"]!;
    }

    public async Task<JsonObject> GetActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        var response = await SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark={watermark}", token);
        return await ReadOkAsync(response);
    }

    /// <summary>Polls GET activities until <paramref name="done"/> holds for everything read so far.</summary>
    public async Task<List<JsonObject>> PollUntilAsync(string conversationId, string token, Func<List<JsonObject>, bool> done)
    {
        var seen = new List<JsonObject>();
        string? watermark = null;
        using var timeout = new CancellationTokenSource(Patience);
        while (!done(seen))
        {
            var set = await GetActivitiesAsync(conversationId, token, watermark);
            seen.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
            watermark = (string?)set["watermark"];
            await Task.Delay(100, timeout.Token);
        }
        return seen;
    }

    public static async Task<ClientWebSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return socket;
    }

    /// <summary>Reads ActivitySet frames until <paramref name="done"/> holds for all activities received; returns them and the frames' watermarks.</summary>
    public static async Task<(List<JsonObject> Activities, List<string?> Watermarks)> ReceiveUntilAsync(
        WebSocket socket, Func<List<JsonObject>, bool> done)
    {
        var frames = await ReceiveFramesUntilAsync(socket, done);
        return (frames.SelectMany(f => f.Activities).ToList(), frames.Select(f => f.Watermark).ToList());
    }

    /// <summary>Frame by frame (one ActivitySet each) until what has arrived satisfies <paramref name="done"/>.</summary>
    public static async Task<List<(List<JsonObject> Activities, string? Watermark)>> ReceiveFramesUntilAsync(
        WebSocket socket, Func<List<JsonObject>, bool> done)
    {
        var frames = new List<(List<JsonObject> Activities, string? Watermark)>();
        var activities = new List<JsonObject>();
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        while (!done(activities))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            Assert.Equal(WebSocketMessageType.Text, received.MessageType);
            var set = JsonNode.Parse(frame.ToArray())!.AsObject();
            var inFrame = set["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
            frames.Add((inFrame, (string?)set["watermark"]));
            activities.AddRange(inFrame);
        }
        return frames;
    }

    public static async Task<JsonObject> ReadOkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())?["error"]?["code"];

    public static bool IsBotReplyTo(JsonObject activity, string id) =>
        (string?)activity["replyToId"] == id && (string?)activity["from"]?["role"] == "bot";

    public void Dispose() => _http.Dispose();
}
