using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>
/// The agent console at /agent (Agents policy): a page and a SignalR hub at /hubs/agent. With <c>Redis:Configuration</c>
/// set, SignalR uses Redis as its backplane, so a customer message arriving on one instance reaches an agent on another.
/// </summary>
public static class AgentConsoleExtensions
{
    public const string HubPath = "/hubs/agent";

    public static WebApplicationBuilder AddAgentConsole(this WebApplicationBuilder builder)
    {
        // Per call, the caller's roles as they are now; and the connection closes when the sign-in expires.
        builder.Services.AddSignalR(o => o.AddFilter<AgentHubAccessFilter>());
        builder.Services.AddSingleton<ConsoleAccess>();
        builder.Services.AddSingleton<TransferTargets>();
        builder.Services.AddSingleton<SelfServiceBot.Web.KnowledgeDrafts.ModelChatDrafts>();
        // Redis or in-process is decided when the hub is first used (ConfiguredHubLifetimeManager), from the final configuration.
        builder.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(ConfiguredHubLifetimeManager<>));
        builder.Services.AddOptions<RedisOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (configuration[ConfiguredHubLifetimeManager<AgentHub>.ConfigurationKey] is { Length: > 0 } redis)
            {
                o.Configuration = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            }
            o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("ssb");
        });
        builder.Services.Replace(ServiceDescriptor.Singleton<IHandoffNotifier, SignalRHandoffNotifier>());
        builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/Agent", StaffPolicies.Agents));
        return builder;
    }

    public static WebApplication MapAgentConsole(this WebApplication app)
    {
        app.MapHub<AgentHub>(HubPath, o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization(StaffPolicies.Agents);
        app.Services.GetRequiredService<StaffNavigation>().Add("/agent", StaffPolicies.Agents, "Agent console", "客服工作台");
        return app;
    }
}
