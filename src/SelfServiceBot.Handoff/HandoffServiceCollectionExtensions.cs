using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Briefs;
using SelfServiceBot.Handoff.Customers;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Diagnostics;
using SelfServiceBot.Handoff.Events;

namespace SelfServiceBot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// The hand-off desk (queues, routing, claims, offline tickets) and its events, and the conversation's port to it
    /// (IHandoffGateway). Needs AddBotDatabase and the conversation events (AddConversation). Proactive messages go
    /// through the bot's channels (Direct Line, Connector).
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName)
            .Validate(o => o.BusinessHours is null || TimeZoneExists(o.BusinessHours.TimeZone), "Handoff:BusinessHours:TimeZone is not a known time zone id.")
            .Validate(o => o.Presence.IsValid(), "Handoff:Presence needs GraceSeconds >= 0, HeartbeatSeconds > 0 and ExpirySeconds >= 2 x HeartbeatSeconds.")
            .Validate(o => !o.IsExternal || o.ExternalHubIds.Any(id => !string.IsNullOrWhiteSpace(id)),
                "Handoff:Mode=External needs Handoff:ExternalHubIds: the from.id the other agent hub sends handoff.status with.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHandoffNotifier, NoHandoffNotifier>();
        services.TryAddSingleton<ICustomerMessenger, ChannelCustomerMessenger>();
        services.AddMetrics();
        services.TryAddSingleton<HandoffMetrics>();
        services.AddSingleton<HandoffEvents>();
        services.AddSingleton<HandoffDesk>();
        services.AddSingleton<HandoffBriefs>();
        services.AddSingleton<IHandoffGateway, DeskHandoffGateway>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<AgentRoster>();
        services.AddSingleton<AgentConnections>();
        services.AddHostedService<AgentPresenceMonitor>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HandoffOptions>>().Value);
        return services;
    }

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
