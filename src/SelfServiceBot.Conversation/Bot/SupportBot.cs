using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Conversation.Bot;

/// <summary>Placeholder turn handler: replaced by the conversation flow.</summary>
public sealed class SupportBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Message)
        {
            await turn.SendActivityAsync(new Activity { Text = $"You said: {turn.Activity.Text}" }, cancellationToken);
        }
    }

    public async Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(new Activity { Text = "Sorry, something went wrong." }, cancellationToken);
    }
}
