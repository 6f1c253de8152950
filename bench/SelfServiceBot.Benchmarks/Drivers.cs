using System.Net.Http.Json;
using System.Text.Json;

namespace SelfServiceBot.Benchmarks;

/// <summary>One way of sending a customer's message and waiting until the bot has answered it.</summary>
internal interface ITurnDriver
{
    string Name { get; }
    Task<ITurnSession> OpenAsync(int index);
}

internal interface ITurnSession : IAsyncDisposable
{
    /// <summary>Gets ready for the next turn (e.g. moves on to a new conversation); not part of the turn's latency.</summary>
    Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Sends one message and completes when its answer has been seen; false if it was not.</summary>
    Task<bool> TurnAsync(string text);
}

internal static class Questions
{
    private static readonly string[] All =
    [
        "How do I track my order?", "How long does delivery take?", "How do I return an item?",
        "I forgot my password", "What payment methods do you accept?", "Where is my refund?",
    ];

    public static string Pick(int i) => All[i % All.Length];

    public static readonly HttpClient Http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}

/// <summary>The baseline: the same server answering a POST with its own body.</summary>
internal sealed class EchoDriver(string baseUrl) : ITurnDriver
{
    public string Name => "echo (POST /api/echo)";

    public Task<ITurnSession> OpenAsync(int index) => Task.FromResult<ITurnSession>(new Session(baseUrl, index));

    private sealed class Session(string baseUrl, int index) : ITurnSession
    {
        private int _n;

        public async Task<bool> TurnAsync(string text)
        {
            var activity = new { type = "message", id = $"e{index}-{_n++}", text, from = new { id = $"user{index}" } };
            using var response = await Questions.Http.PostAsJsonAsync($"{baseUrl}/api/echo", activity);
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>A channel posting to /api/messages; the bot replies to the connector stand-in before the POST returns.</summary>
internal sealed class BotMessagesDriver(string baseUrl, ConnectorStandIn connector, int questionsPerConversation, string bot = "bot") : ITurnDriver
{
    private readonly string _baseUrl = baseUrl;
    private readonly ConnectorStandIn _connector = connector;
    private readonly int _perConversation = questionsPerConversation;

    public string Name => $"{bot} turn via /api/messages";

    // Every session (also the warm-up's) has its own ids: a repeated id would be skipped as a redelivery.
    public Task<ITurnSession> OpenAsync(int index) => Task.FromResult<ITurnSession>(new Session(this, Guid.NewGuid().ToString("N")[..10]));

    private sealed class Session(BotMessagesDriver driver, string customer) : ITurnSession
    {
        private int _n;

        public async Task<bool> TurnAsync(string text)
        {
            var id = $"{customer}-{_n++}";
            var activity = new
            {
                type = "message", id, text, channelId = "emulator", serviceUrl = driver._connector.ServiceUrl, locale = "en-US",
                from = new { id = $"user-{customer}", role = "user" },
                recipient = new { id = "bot", role = "bot" },
                conversation = new { id = $"conv-{customer}-{(_n - 1) / driver._perConversation}" },
                timestamp = DateTimeOffset.UtcNow,
            };
            using var response = await Questions.Http.PostAsJsonAsync($"{driver._baseUrl}/api/messages", activity);
            return response.IsSuccessStatusCode && driver._connector.RepliesTo(id) > 0;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
