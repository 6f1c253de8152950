using System.Collections.Concurrent;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Web.Tests.Messages;

/// <summary>
/// Stands in for the conversation flow so these tests check the transport only: echoes messages,
/// answers the invoke "test/ping", and remembers every activity it was given.
/// </summary>
public sealed class RecordingBot : IBot
{
    private readonly ConcurrentQueue<Activity> _seen = new();

    public IReadOnlyList<Activity> Seen(string conversationId) =>
        _seen.Where(a => a.Conversation?.Id == conversationId).ToArray();

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        _seen.Enqueue(turn.Activity);
        switch (turn.Activity.Type)
        {
            case ActivityTypes.Message:
                await turn.SendActivityAsync(new Activity { Text = $"echo: {turn.Activity.Text}" }, cancellationToken);
                break;
            case ActivityTypes.Invoke when turn.Activity.Name == "test/ping":
                turn.InvokeResponse = new InvokeResponse(200, new { pong = true });
                break;
        }
    }

    public Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken) => Task.CompletedTask;
}
