using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using SelfServiceBot.BotFramework.Auth;

namespace SelfServiceBot.BotFramework.Connector;

/// <summary>
/// Gets the bot's token with MSAL: client credentials against <c>{TokenAuthorityHost}/botframework.com</c> (MultiTenant)
/// or <c>/{tenant}</c> (SingleTenant), or the user-assigned managed identity whose client id is the app id.
/// MSAL caches the token in the application object and renews it before it expires; there is one per process.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    private const string ManagedIdentityResource = "https://api.botframework.com";
    private const string DefaultAuthorityHost = "https://login.microsoftonline.com";

    private readonly Lazy<Func<CancellationToken, Task<AuthenticationResult>>> _acquire;
    private readonly ILogger<MsalBotTokenProvider> _logger;

    public MsalBotTokenProvider(
        IOptions<BotAuthOptions> auth, IOptions<BotEndpointOptions> endpoints, IHttpClientFactory httpClients,
        ILogger<MsalBotTokenProvider> logger)
    {
        _logger = logger;
        _acquire = new(() => Build(auth.Value, endpoints.Value, new MsalHttpClientFactory(httpClients)));
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _acquire.Value(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            _logger.LogError(ex, "Could not get the bot's token for the Bot Connector ({ErrorCode})", ex.ErrorCode);
            throw new ConnectorException($"Could not get the bot's token: {ex.ErrorCode}", inner: ex);
        }
    }

    private static Func<CancellationToken, Task<AuthenticationResult>> Build(
        BotAuthOptions auth, BotEndpointOptions endpoints, IMsalHttpClientFactory http)
    {
        if (auth.IsLocalMode)
        {
            throw new InvalidOperationException("No MicrosoftAppId is configured: local mode sends no token.");
        }
        if (auth.AppType == BotAppType.UserAssignedMSI)
        {
            var msi = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(auth.AppId))
                .WithHttpClientFactory(http)
                .Build();
            return ct => msi.AcquireTokenForManagedIdentity(ManagedIdentityResource).ExecuteAsync(ct);
        }

        var host = endpoints.TokenAuthorityHost.TrimEnd('/');
        var builder = ConfidentialClientApplicationBuilder.Create(auth.AppId)
            .WithClientSecret(auth.MicrosoftAppPassword)
            .WithAuthority($"{host}/{auth.TokenTenant}")
            .WithHttpClientFactory(http);
        if (!string.Equals(host, DefaultAuthorityHost, StringComparison.OrdinalIgnoreCase))
        {
            // A sovereign cloud or a test stand-in: MSAL's instance discovery only knows Microsoft's hosts.
            builder = builder.WithInstanceDiscovery(false);
        }
        var app = builder.Build();
        return ct => app.AcquireTokenForClient([Scope]).ExecuteAsync(ct);
    }

    /// <summary>Lets MSAL use a client from IHttpClientFactory (pooled handlers, configurable by the host).</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(BotHttpClients.Token);
    }
}
