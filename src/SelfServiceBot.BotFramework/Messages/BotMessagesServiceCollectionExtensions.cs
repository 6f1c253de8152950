using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Connector;

namespace SelfServiceBot.BotFramework.Messages;

public static class BotMessagesServiceCollectionExtensions
{
    /// <summary>
    /// POST /api/messages with Bot Connector authentication, and the outbound connector client.
    /// Needs <see cref="BotFrameworkServiceCollectionExtensions.AddBotFramework"/> and an
    /// <see cref="IConversationReferenceStore"/> (the database registers one).
    /// </summary>
    public static IServiceCollection AddBotMessages(this IServiceCollection services)
    {
        services.AddOptions<BotAuthOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidator>());
        services.AddOptions<BotEndpointOptions>()
            .BindConfiguration(BotEndpointOptions.SectionName)
            .Validate(o => IsAbsolute(o.ChannelOpenIdMetadataUrl) && IsAbsolute(o.EmulatorOpenIdMetadataUrl),
                "BotFramework:ChannelOpenIdMetadataUrl and BotFramework:EmulatorOpenIdMetadataUrl must be absolute URLs.")
            .Validate(o => o.TokenAuthorityHost.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
                "BotFramework:TokenAuthorityHost must be an https URL (MSAL refuses anything else).")
            .Validate(o => o.MaxActivityBytes > 0 && o.MaxTextLength > 0, "BotFramework:MaxActivityBytes and MaxTextLength must be positive.")
            .ValidateOnStart();
        services.AddOptions<BotAccessOptions>().BindConfiguration(BotAccessOptions.SectionName);
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotHttpClients.OpenIdMetadata);
        services.AddHttpClient(BotHttpClients.Token);
        services.AddHttpClient(BotHttpClients.Connector)
            .AddResilienceHandler("bot-connector", (pipeline, context) => ConnectorRetry.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));

        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.AddSingleton<IConnectorClient, ConnectorClient>();
        services.AddSingleton<BotMessageHandler>();
        services.AddHostedService<BotAuthStartupLog>();
        return services;
    }

    private static bool IsAbsolute(string url) => Uri.TryCreate(url, UriKind.Absolute, out _);
}
