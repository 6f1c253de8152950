namespace SelfServiceBot.BotFramework.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector (scope https://api.botframework.com/.default).</summary>
public interface IBotTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
