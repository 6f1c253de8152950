using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SelfServiceBot.Data.Conversations;

public static class ConversationDataServiceCollectionExtensions
{
    /// <summary>The conversation's state store and event log (needs <see cref="DataServiceCollectionExtensions.AddBotDatabase"/>).</summary>
    public static IServiceCollection AddConversationData(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStateStore, EfConversationStateStore>();
        services.TryAddSingleton<IConversationEvents, EfConversationEvents>();
        return services;
    }
}
