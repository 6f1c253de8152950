namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>The bot's logic: one call per inbound activity. Everything about the wire stays outside.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);

    /// <summary>
    /// Called when <see cref="OnTurnAsync"/> throws: the bot apologises and clears that conversation's
    /// state so the next message starts clean. Other conversations are untouched.
    /// </summary>
    Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken);
}
