using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.BotFramework.Auth;

/// <summary>Says at start whether /api/messages checks tokens, so local mode is never on by accident unnoticed.</summary>
internal sealed class BotAuthStartupLog(IOptions<BotAuthOptions> options, IHostEnvironment environment, ILogger<BotAuthStartupLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        if (!auth.IsLocalMode)
        {
            logger.LogInformation("Bot Connector authentication is on for app {AppId} ({AppType})", auth.AppId, auth.AppType);
        }
        else if (environment.IsDevelopment())
        {
            logger.LogWarning("No MicrosoftAppId: local mode. /api/messages accepts activities without a token and replies to any serviceUrl without one.");
        }
        else
        {
            logger.LogWarning(
                "No MicrosoftAppId in {Environment}: local mode. Anyone who can reach /api/messages can post activities and make the bot " +
                "call the serviceUrl they name. Set MicrosoftAppId/MicrosoftAppPassword (or BotFramework:AllowedServiceUrlHosts) before exposing it.",
                environment.EnvironmentName);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
