using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Web.Diagnostics;

/// <summary>
/// The Bot Framework "echo bot": replies with the text it got, through the same transports and turn
/// pipeline as the real bot but with no dialog state, knowledge search or events. The turn benchmark
/// runs it (<c>Diagnostics:EchoBot=true</c>) to separate the protocol's cost from the bot's.
/// </summary>
internal sealed class EchoBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Message)
        {
            await turn.SendActivityAsync(new Activity { Text = $"Echo: {turn.Activity.Text}" }, cancellationToken);
        }
    }

    public Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken) => Task.CompletedTask;
}
