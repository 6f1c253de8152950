using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SelfServiceBot.AI.Tests.Chat;

/// <summary>
/// A local OpenAI-compatible chat server over real HTTP (Kestrel on a loopback port): answers
/// <c>POST .../chat/completions</c> (OpenAI's <c>/v1/</c>, Azure's <c>/openai/v1/</c>, any prefix) with the scripted replies
/// in order (the last one repeats), each with its usage, a delay or a failure status, and records every request.
/// </summary>
public sealed class ChatCompletionsStub : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly ConcurrentQueue<StubReply> _script = new();
    private StubReply _last = new("ok");
    private volatile Func<ChatRequest, StubReply?>? _responder;

    private readonly SemaphoreSlim _arrived = new(0);

    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    /// <summary>Until the next request has arrived (and been recorded): a test can move a fake clock while the reply waits.</summary>
    public Task WaitForRequestAsync(CancellationToken cancellationToken = default) => _arrived.WaitAsync(cancellationToken);

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:PORT</c> (add <c>/v1</c> for an OpenAI-compatible endpoint).</summary>
    public string Address => _server.Urls.Single();

    private ChatCompletionsStub(WebApplication server) => _server = server;

    public static async Task<ChatCompletionsStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var stub = new ChatCompletionsStub(builder.Build());
        stub._server.MapPost("/{**path}", (HttpRequest request) => stub.HandleAsync(request));
        await stub._server.StartAsync();
        return stub;
    }

    public ChatCompletionsStub Reply(params StubReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
        return this;
    }

    /// <summary>
    /// Answers by the request instead of in order, e.g. by the system prompt when several features call the model in one
    /// conversation; a null from it falls back to the script.
    /// </summary>
    public ChatCompletionsStub Respond(Func<ChatRequest, StubReply?> responder)
    {
        _responder = responder;
        return this;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted))!.AsObject();
        var messages = body["messages"]!.AsArray()
            .Select(m => new ChatMessage(m!["role"]!.GetValue<string>(), Content(m["content"]))).ToArray();
        var received = new ChatRequest(request.Path, request.Headers.Authorization.FirstOrDefault(),
            request.Headers["api-key"].FirstOrDefault(), body["model"]?.GetValue<string>(), messages, body);
        Requests.Enqueue(received);
        _arrived.Release();
        var reply = _responder?.Invoke(received) ?? (_script.TryDequeue(out var next) ? _last = next : _last);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, request.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }
        if (reply.Status != 200)
        {
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "scripted failure", ["type"] = "server_error" } },
                statusCode: reply.Status);
        }
        return Results.Json(new JsonObject
        {
            ["id"] = "chatcmpl-stub", ["object"] = "chat.completion", ["created"] = 1_700_000_000,
            ["model"] = body["model"]?.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["finish_reason"] = "stop",
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Text },
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = reply.InputTokens, ["completion_tokens"] = reply.OutputTokens,
                ["total_tokens"] = reply.InputTokens + reply.OutputTokens,
            },
        });
    }

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        _arrived.Dispose();
    }
}

/// <summary>One scripted answer: its text and usage, how long the server waits first, and the HTTP status (200, or a failure).</summary>
public sealed record StubReply(string Text, int InputTokens = 12, int OutputTokens = 5, TimeSpan Delay = default, int Status = 200);

public sealed record ChatMessage(string Role, string Content);

/// <summary>What the stub received: the path, the key's headers, the model asked and the messages.</summary>
public sealed record ChatRequest(string Path, string? Authorization, string? ApiKey, string? Model, ChatMessage[] Messages, JsonObject Body);
