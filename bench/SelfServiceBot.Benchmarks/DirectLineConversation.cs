using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace SelfServiceBot.Benchmarks;

/// <summary>One Direct Line conversation of the benchmark's client: posts messages, watches its WebSocket for the replies.</summary>
internal sealed class DirectLineConversation(string baseUrl, string conversationId, string token, string userId) : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _answered = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiving;

    public async Task ConnectAsync(string streamUrl)
    {
        await _socket.ConnectAsync(new Uri(streamUrl), _stop.Token);
        _receiving = Task.Run(ReceiveAsync);
    }

    public async Task<bool> TurnAsync(string text)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/v3/directline/conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text, locale = "en-US", from = new { id = userId } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Questions.Http.SendAsync(post);
        if (!response.IsSuccessStatusCode) return false;
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var answered = _answered.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var finished = await Task.WhenAny(answered.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        _answered.TryRemove(id, out _);
        return finished == answered.Task;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                if (message.Length > 0) OnActivitySet(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (WebSocketException) { }
    }

    private void OnActivitySet(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("activities", out var activities)) return;
        foreach (var activity in activities.EnumerateArray())
        {
            var fromBot = activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "bot";
            if (fromBot && activity.GetProperty("type").GetString() == "message" && activity.TryGetProperty("replyToId", out var replyTo))
            {
                _answered.GetOrAdd(replyTo.GetString()!, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Abort();
        if (_receiving is not null) await _receiving;
        _socket.Dispose();
    }
}
