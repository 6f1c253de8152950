using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Messages;

/// <summary>
/// The app with an app id, its key, token and connector endpoints all pointed at local stand-ins: the channel key is
/// endorsed for msteams, a second one for webchat only; the Emulator's AAD key has no endorsements.
/// </summary>
public sealed class AuthenticatedBotFixture : IAsyncLifetime
{
    public const string AppId = "9f0c2a64-0000-4000-8000-00000000b07";

    public TestSigningKey TeamsKey { get; } = new();
    public TestSigningKey WebChatKey { get; } = new();
    public TestSigningKey EmulatorKey { get; } = new();
    public RecordingBot Bot { get; } = new();
    public OpenIdTestServer ChannelKeys { get; private set; } = null!;
    public OpenIdTestServer EmulatorKeys { get; private set; } = null!;
    public TokenStandIn Tokens { get; private set; } = null!;
    public ConnectorStandIn Connector { get; private set; } = null!;
    public AppServer App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ChannelKeys = await OpenIdTestServer.StartAsync();
        ChannelKeys.Publish((TeamsKey, ["msteams"]), (WebChatKey, ["webchat"]));
        EmulatorKeys = await OpenIdTestServer.StartAsync();
        EmulatorKeys.Publish((EmulatorKey, []));
        Tokens = await TokenStandIn.StartAsync();
        Connector = await ConnectorStandIn.StartAsync();
        App = new AppServer(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "test-secret",
                ["BotFramework:ChannelOpenIdMetadataUrl"] = ChannelKeys.MetadataUrl,
                ["BotFramework:EmulatorOpenIdMetadataUrl"] = EmulatorKeys.MetadataUrl,
                ["BotFramework:TokenAuthorityHost"] = Tokens.AuthorityHost,
                ["BotFramework:Connector:RetryBaseDelay"] = "00:00:00.010",
            },
            services =>
            {
                services.AddSingleton<IBot>(Bot);
                Tokens.TrustCertificate(services);
            });
        Client = App.CreateHttpClient();
    }

    public string TeamsToken(string serviceUrl) => TestTokens.Channel(TeamsKey, AppId, serviceUrl);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        App.Dispose();
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
        await EmulatorKeys.DisposeAsync();
        await ChannelKeys.DisposeAsync();
    }
}
