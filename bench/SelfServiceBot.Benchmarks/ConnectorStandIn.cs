using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SelfServiceBot.Benchmarks;

/// <summary>Stands in for the Bot Connector: accepts the bot's replies and counts them per inbound activity.</summary>
internal sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _replies = new();

    private ConnectorStandIn(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public int RepliesTo(string activityId) => _replies.TryGetValue(activityId, out var n) ? n : 0;

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var port = AppProcess.FreePort();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var standIn = new ConnectorStandIn(app) { ServiceUrl = $"http://127.0.0.1:{port}/" };
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", async (string replyToId, HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            standIn._replies.AddOrUpdate(replyToId, 1, (_, n) => n + 1);
            return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
        });
        app.MapPost("/v3/conversations/{conversationId}/activities", () => Results.Ok(new { id = Guid.NewGuid().ToString("N") }));
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
