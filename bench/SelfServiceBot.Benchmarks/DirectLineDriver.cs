using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SelfServiceBot.Benchmarks;

/// <summary>
/// A Web Chat-like client: token, conversation, WebSocket stream; a turn ends when the bot's reply arrives on the socket.
/// After <c>questionsPerConversation</c> turns the customer moves on to a new conversation, opened in the background while
/// the current one is in use (as other customers arrive while these chat), so opening it is load but not latency.
/// </summary>
internal sealed class DirectLineDriver(string baseUrl, int questionsPerConversation, string bot = "bot") : ITurnDriver
{
    public string Name => $"{bot} turn via Direct Line (WebSocket)";

    public async Task<ITurnSession> OpenAsync(int index)
    {
        var session = new Session(this, $"user{index}");
        await session.PrepareAsync();
        return session;
    }

    private async Task<DirectLineConversation> OpenConversationAsync(string userId)
    {
        var generate = await Questions.Http.PostAsync($"{baseUrl}/v3/directline/tokens/generate", null);
        generate.EnsureSuccessStatusCode();
        var token = (await generate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await Questions.Http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        var conversation = new DirectLineConversation(baseUrl, body.GetProperty("conversationId").GetString()!,
            body.GetProperty("token").GetString()!, userId);
        await conversation.ConnectAsync(body.GetProperty("streamUrl").GetString()!);
        return conversation;
    }

    private sealed class Session(DirectLineDriver driver, string userId) : ITurnSession
    {
        private DirectLineConversation? _current;
        private Task<DirectLineConversation>? _next;
        private int _turnsInCurrent;

        public async Task PrepareAsync()
        {
            if (_current is not null && _turnsInCurrent < driver._perConversation)
            {
                return;
            }
            if (_current is not null)
            {
                await _current.DisposeAsync();
            }
            _current = await (_next ?? driver.OpenConversationAsync(userId));
            _turnsInCurrent = 0;
            _next = driver._perConversation > 1 ? driver.OpenConversationAsync(userId) : null;
        }

        public Task<bool> TurnAsync(string text)
        {
            _turnsInCurrent++;
            return _current!.TurnAsync(text);
        }

        public async ValueTask DisposeAsync()
        {
            if (_current is not null)
            {
                await _current.DisposeAsync();
            }
            if (_next is not null)
            {
                await (await _next).DisposeAsync();
            }
        }
    }

    private readonly int _perConversation = questionsPerConversation;
}
