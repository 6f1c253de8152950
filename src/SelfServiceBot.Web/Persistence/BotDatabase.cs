using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data.Model;
using SelfServiceBot.Data.Privacy;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.Web.Privacy;
using SelfServiceBot.Web.Retention;

namespace SelfServiceBot.Web.Persistence;

/// <summary>
/// The one database as this app composes it: the persistence core with every module's tables, the protocol's stores, and
/// what spans all modules' tables (conversation data retention, the right to erasure), which is why those live in the host.
/// </summary>
public static class BotDatabase
{
    /// <summary>Every module that owns tables: the migrations describe all of them, so every host that opens the database lists all.</summary>
    public static IReadOnlyList<DataModule> Modules { get; } = [new BotFrameworkData(), new ConversationData(), new HandoffData(), new CostsData(), new KnowledgeDraftsData()];

    public static IServiceCollection AddBotDatabase(this IServiceCollection services) =>
        services.AddBotDatabase(Modules).AddBotFrameworkStorage().AddRetentionAndErasure();

    /// <summary>The hourly conversation data retention and the right to erasure: both span every module's tables.</summary>
    public static IServiceCollection AddRetentionAndErasure(this IServiceCollection services)
    {
        services.AddPrivacy();
        services.TryAddSingleton<PersonalDataEraser>();
        services.AddSingleton<ConversationDataPruning>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationDataPruning>());
        return services;
    }
}
