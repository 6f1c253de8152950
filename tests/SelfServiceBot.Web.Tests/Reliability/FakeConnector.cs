using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Reliability;

/// <summary>
/// The Bot Connector as the customer's side of /api/messages: a real HTTP server on loopback that counts the message replies
/// it receives per activity they answer (replyToId). Typing is not an answer.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeConnector(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    public ConcurrentDictionary<string, int> AnswersByReplyTo { get; } = new();

    public static async Task<FakeConnector> StartAsync()
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app, address);
        app.MapPost("/v3/conversations/{conversation}/activities/{replyTo}", async (HttpRequest request) =>
        {
            var activity = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
            if ((string?)activity["type"] == "message" && (string?)activity["replyToId"] is { } replyTo)
            {
                connector.AnswersByReplyTo.AddOrUpdate(replyTo, 1, (_, n) => n + 1);
            }
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        app.MapPost("/v3/conversations/{conversation}/activities", () => Results.Json(new { id = Guid.NewGuid().ToString("N") }));
        await app.StartAsync();
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
