using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.BotFramework.Pipeline;

namespace SelfServiceBot.BotFramework.Storage;

public static class BotFrameworkStorageServiceCollectionExtensions
{
    /// <summary>
    /// The protocol's stores in the one database (turn claims and their hourly pruning, conversation references, the Direct
    /// Line log). Needs AddBotDatabase with <see cref="BotFrameworkData"/> among its modules.
    /// </summary>
    public static IServiceCollection AddBotFrameworkStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IProcessedActivityStore, EfProcessedActivityStore>();
        services.AddSingleton<ProcessedActivityPruning>();
        services.AddHostedService(sp => sp.GetRequiredService<ProcessedActivityPruning>());
        services.AddSingleton<IConversationReferenceStore, EfConversationReferenceStore>();
        services.AddSingleton<IDirectLineStore, EfDirectLineStore>();
        return services;
    }
}
