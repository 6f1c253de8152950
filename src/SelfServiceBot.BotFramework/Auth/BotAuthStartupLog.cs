using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.BotFramework.Auth;

/// <summary>Says at start whether /api/messages checks tokens, so local mode is never on by accident unnoticed.</summary>
internal sealed class BotAuthStartupLog(
    IOptions<BotAuthOptions> options, IOptions<BotAccessOptions> access, IHostEnvironment environment, ILogger<BotAuthStartupLog> logger)
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
        else if (access.Value.AllowAnonymous)
        {
            logger.LogError(
                "No MicrosoftAppId in {Environment} and Bot:AllowAnonymous=true: anyone who can reach /api/messages can post activities " +
                "as any user of any channel and read the replies (expectReplies). Set MicrosoftAppId/MicrosoftAppPassword before exposing it.",
                environment.EnvironmentName);
        }
        else
        {
            logger.LogWarning(
                "No MicrosoftAppId in {Environment}: /api/messages answers callers on this machine only (401 to others). " +
                "Set MicrosoftAppId/MicrosoftAppPassword to take channel traffic.",
                environment.EnvironmentName);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
