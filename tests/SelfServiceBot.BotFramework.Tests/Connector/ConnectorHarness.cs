using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Connector;
using SelfServiceBot.BotFramework.Messages;
using SelfServiceBot.BotFramework.Tests.Infrastructure;

namespace SelfServiceBot.BotFramework.Tests.Connector;

/// <summary>The connector services as AddBotMessages wires them, against a stand-in connector and token endpoint.</summary>
public sealed class ConnectorHarness : IAsyncLifetime
{
    public const string AppId = "connector-test-app";
    public const string Tenant = "7c1e0b36-0000-4000-8000-000000000007";

    public ConnectorStandIn Connector { get; private set; } = null!;
    public TokenStandIn Tokens { get; private set; } = null!;
    public InMemoryConversationReferenceStore References { get; } = new();

    public async Task InitializeAsync()
    {
        Connector = await ConnectorStandIn.StartAsync();
        Tokens = await TokenStandIn.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
    }

    public ServiceProvider Services(string appId = AppId, string appType = "MultiTenant", params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = "client-secret",
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppTenantId"] = Tenant,
            ["BotFramework:TokenAuthorityHost"] = Tokens.AuthorityHost,
            ["BotFramework:Connector:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddBotMessages()
            .AddSingleton<IConversationReferenceStore>(References);
        Tokens.TrustCertificate(services);
        return services.BuildServiceProvider();
    }

    public static IConnectorClient Client(IServiceProvider services) => services.GetRequiredService<IConnectorClient>();

    /// <summary>What /api/messages does after a validated token: the serviceUrl becomes trusted.</summary>
    public async Task TrustAsync(IServiceProvider services, string conversationId = "conv-1") =>
        await services.GetRequiredService<TrustedServiceUrls>().RecordAuthenticatedAsync(
            Activities.Inbound(Connector.ServiceUrl, conversationId), CancellationToken.None);
}
