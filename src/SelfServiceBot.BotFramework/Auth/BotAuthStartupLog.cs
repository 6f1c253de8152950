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
            logger.LogWarning("No MicrosoftAppId: local mode. /api/messages accepts activities without a token and replies without one, to loopback serviceUrls or BotFramework:AllowedServiceUrlHosts only.");
        }
        else
        {
            logger.LogWarning(
                "No MicrosoftAppId in {Environment}: local mode. Anyone who can reach /api/messages can post activities as any user " +
                "(replies go only to loopback serviceUrls or BotFramework:AllowedServiceUrlHosts). Set MicrosoftAppId/MicrosoftAppPassword before exposing it.",
                environment.EnvironmentName);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
