using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.Contracts.Events;

namespace SelfServiceBot.Data.Conversations;

public static class ConversationEventsServiceCollectionExtensions
{
    /// <summary>
    /// The event log in the one database (ConversationEvents): the conversation and the hand-off desk append to it, the
    /// contact ledger reads it, so it belongs to the persistence core rather than to any one of them.
    /// </summary>
    public static IServiceCollection AddConversationEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<IConversationEvents, EfConversationEvents>();
        return services;
    }
}
