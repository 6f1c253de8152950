using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Reliability;

/// <summary>One customer message the product acknowledged (200), and every id the server answered for it.</summary>
internal sealed record Acknowledged(string Transport, string ConversationId, string Text, string ClientId, IReadOnlyList<string> AnsweredIds);

/// <summary>
/// Customers asking questions over /api/messages and Direct Line while the product (a child process) is SIGKILLed at random
/// moments and started again on the same database. Each customer retries an unacknowledged post as channels do (a refused
/// connection, a 409 or a 5xx: the same activity again, shortly), until the server says 200.
/// </summary>
internal sealed class CrashLoad(
    IReadOnlyDictionary<string, string> environment, string dataDirectory, Uri connector, int kills, int concurrency, int maxConversations, int maxUptimeMilliseconds)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private readonly ConcurrentBag<Acknowledged> _acknowledged = [];
    private readonly ConcurrentBag<string> _unacknowledged = [];
    private readonly StringBuilder _outputs = new();
    private volatile ProductProcess? _app;
    private int _started;

    public int Kills { get; private set; }

    public IReadOnlyCollection<Acknowledged> Acknowledged => _acknowledged;

    /// <summary>Posts the server never acknowledged within a minute of retries, with what it last answered.</summary>
    public IReadOnlyCollection<string> Unacknowledged => _unacknowledged;

    /// <summary>What every process generation wrote, for failure messages and for the in-doubt log lines.</summary>
    public string Outputs => _outputs + (_app?.Output ?? "");

    /// <summary>Runs the load through <see cref="Kills"/> crashes; the last generation keeps running (its ledger catches up).</summary>
    public async Task<ProductProcess> RunAsync()
    {
        _app = await StartAsync();
        using var done = new CancellationTokenSource();
        var customers = Enumerable.Range(0, concurrency).Select(w => Task.Run(() => CustomerAsync(w, done.Token))).ToList();
        var random = new Random();
        while (Kills < kills)
        {
            // Killed at a random moment of its life under load (after start-up): mid-claim, mid-reply, mid-write or between turns.
            await Task.Delay(random.Next(maxUptimeMilliseconds * 2 / 5, maxUptimeMilliseconds));
            var dying = _app!;
            dying.Kill();
            lock (_outputs)
            {
                _outputs.Append(dying.Output);
            }
            dying.Dispose();
            Kills++;
            _app = await StartAsync();
        }
        // A little load on the last generation too, then the customers finish what they have in hand.
        await Task.Delay(500);
        await done.CancelAsync();
        await Task.WhenAll(customers);
        return _app!;
    }

    private async Task<ProductProcess> StartAsync()
    {
        var app = ProductProcess.Start(environment, dataDirectory);
        if (!await app.WaitHealthyAsync(TimeSpan.FromSeconds(90)))
        {
            throw new InvalidOperationException($"The product did not start:\n{app.Output}");
        }
        return app;
    }

    private async Task CustomerAsync(int worker, CancellationToken done)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        int n;
        while (!done.IsCancellationRequested && (n = Interlocked.Increment(ref _started)) <= maxConversations)
        {
            var text = $"How do I track my order? (customer {n})";
            try
            {
                _acknowledged.Add(worker % 2 == 0 ? await BotConnectorAsync(http, n, text) : await DirectLineAsync(http, n, text));
            }
            catch (TimeoutException e)
            {
                _unacknowledged.Add($"customer {n}: {e.Message}");
            }
        }
    }

    /// <summary>As the Bot Connector delivers: the same activity (same id) until 200.</summary>
    private async Task<Acknowledged> BotConnectorAsync(HttpClient http, int n, string text)
    {
        var (conversation, id) = ($"crash-{n}-{Guid.NewGuid():N}", $"activity-{n}");
        var body = new JsonObject
        {
            ["type"] = "message", ["id"] = id, ["text"] = text, ["channelId"] = "crashtest", ["serviceUrl"] = connector.ToString(),
            ["locale"] = "en-US", ["from"] = new JsonObject { ["id"] = $"user-{n}" }, ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
        }.ToJsonString();
        await UntilAcknowledgedAsync(http, () => new HttpRequestMessage(HttpMethod.Post, new Uri(_app!.BaseAddress, "api/messages"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
        return new Acknowledged("api/messages", conversation, text, id, [id]);
    }

    /// <summary>As Web Chat's DirectLineJS posts: the same activity with the same channelData.clientActivityID until 200.</summary>
    private async Task<Acknowledged> DirectLineAsync(HttpClient http, int n, string text)
    {
        var started = JsonNode.Parse(await UntilAcknowledgedAsync(http, () => new HttpRequestMessage(HttpMethod.Post, new Uri(_app!.BaseAddress, "v3/directline/conversations"))))!;
        var (conversation, token) = ((string)started["conversationId"]!, (string)started["token"]!);
        var clientId = $"client-{n}-{Guid.NewGuid():N}";
        var body = new JsonObject
        {
            ["type"] = "message", ["text"] = text, ["locale"] = "en-US", ["from"] = new JsonObject { ["id"] = $"user-{n}" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientId },
        }.ToJsonString();
        var ids = new List<string>();
        // Twice: a retry after the acknowledgement (the client never saw it) must answer the same id and change nothing.
        for (var post = 0; post < 2; post++)
        {
            var answer = await UntilAcknowledgedAsync(http, () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_app!.BaseAddress, $"v3/directline/conversations/{conversation}/activities"))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return request;
            });
            ids.Add((string)JsonNode.Parse(answer)!["id"]!);
        }
        return new Acknowledged("directline", conversation, text, clientId, ids);
    }

    private static async Task<string> UntilAcknowledgedAsync(HttpClient http, Func<HttpRequestMessage> request)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        var last = "no answer";
        while (true)
        {
            try
            {
                using var message = request();
                using var response = await http.SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    return body;
                }
                last = $"{(int)response.StatusCode} {body}";
                if (response.StatusCode is not (HttpStatusCode.Conflict or >= HttpStatusCode.InternalServerError))
                {
                    throw new InvalidOperationException($"{message.RequestUri} answered {(int)response.StatusCode}: {body}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The process died under the request or is not up yet: as a channel, try again.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"A post not acknowledged within {GiveUpAfter}; last answer: {last}");
            }
            await Task.Delay(150);
        }
    }
}
