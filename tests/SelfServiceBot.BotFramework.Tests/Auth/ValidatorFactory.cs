using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Auth;

namespace SelfServiceBot.BotFramework.Tests.Auth;

internal static class ValidatorFactory
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    public static IHttpClientFactory HttpClients { get; } =
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    /// <summary>A validator with its own (empty) key caches.</summary>
    public static BotTokenValidator Create(
        string channelMetadataUrl, string emulatorMetadataUrl, string appId = AppId,
        string appType = "MultiTenant", string? tenantId = null, TimeSpan? refreshInterval = null, bool allowEmulatorTokens = true)
    {
        var auth = new BotAuthOptions
        {
            MicrosoftAppId = appId, MicrosoftAppPassword = "secret", MicrosoftAppType = appType, MicrosoftAppTenantId = tenantId,
        };
        var endpoints = new BotEndpointOptions
        {
            ChannelOpenIdMetadataUrl = channelMetadataUrl,
            EmulatorOpenIdMetadataUrl = emulatorMetadataUrl,
            SigningKeyRefreshInterval = refreshInterval ?? TimeSpan.FromMinutes(5),
            AllowEmulatorTokens = allowEmulatorTokens,
        };
        return new BotTokenValidator(Options.Create(auth), Options.Create(endpoints), HttpClients, TimeProvider.System,
            NullLogger<BotTokenValidator>.Instance);
    }
}
