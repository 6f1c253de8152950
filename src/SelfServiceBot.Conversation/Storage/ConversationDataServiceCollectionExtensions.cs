using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Conversation.Storage;

public static class ConversationDataServiceCollectionExtensions
{
    /// <summary>
    /// The conversation's state store, transcript, and the store that writes a finished turn's state, events,
    /// transcript lines and claim completion together (needs <see cref="DataServiceCollectionExtensions.AddBotDatabase"/>). A module replacing
    /// <see cref="IConversationEvents"/> sees only the events written outside a turn's end (e.g. the hand-off desk's) unless
    /// it replaces <see cref="IConversationTurnStore"/> too.
    /// </summary>
    public static IServiceCollection AddConversationData(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // The turn's writes go through the one SQLite writer (docs/database.md, "The hot path").
        services.TryAddSingleton<HotWrites>();
        services.TryAddSingleton<IConversationStateStore, EfConversationStateStore>();
        services.TryAddSingleton<IConversationTurnStore, EfConversationTurnStore>();
        services.TryAddSingleton<IConversationTranscriptStore, EfConversationTranscriptStore>();
        return services;
    }
}
