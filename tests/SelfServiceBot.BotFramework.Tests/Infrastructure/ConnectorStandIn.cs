using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SelfServiceBot.BotFramework.Tests.Infrastructure;

/// <summary>A request the stand-in connector received. Path is the raw request target, escapes intact.</summary>
public sealed record ConnectorRequest(string Method, string Path, string? Authorization, string? ContentType, string Body);

/// <summary>
/// Stands in for a channel's Bot Connector at its serviceUrl: records every request and answers 200 {"id"}
/// unless a test queued other answers (429 with Retry-After, 403, ...).
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _answers = new();
    private LoopbackServer _server = null!;
    private int _ids;

    /// <summary>The serviceUrl to put in activities (ends with "/").</summary>
    public string ServiceUrl => _server.BaseAddress.ToString();

    public IReadOnlyList<ConnectorRequest> Requests => _requests.ToArray();

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var self = new ConnectorStandIn();
        self._server = await LoopbackServer.StartAsync(app => app.Run(self.HandleAsync));
        return self;
    }

    /// <summary>The next request gets this status (and Retry-After, when given) instead of 200.</summary>
    public void EnqueueAnswer(int status, string? body = null, string? retryAfter = null) =>
        _answers.Enqueue(async http =>
        {
            http.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                http.Response.Headers.RetryAfter = retryAfter;
            }
            if (body is not null)
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(body);
            }
        });

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var raw = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        _requests.Enqueue(new ConnectorRequest(http.Request.Method, raw, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
            http.Request.ContentType, body));

        if (_answers.TryDequeue(out var answer))
        {
            await answer(http);
            return;
        }
        var id = Interlocked.Increment(ref _ids);
        await http.Response.WriteAsJsonAsync(http.Request.Path.StartsWithSegments("/v3/conversations") && raw.TrimEnd('/') == "/v3/conversations"
            ? new { id = "new-conversation", activityId = $"activity-{id}" }
            : (object)new { id = $"activity-{id}" });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
