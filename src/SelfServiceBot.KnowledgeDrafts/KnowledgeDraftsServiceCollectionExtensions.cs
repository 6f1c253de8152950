using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.KnowledgeDrafts;

public static class KnowledgeDraftsServiceCollectionExtensions
{
    /// <summary>
    /// The drafts and the published articles, which the knowledge engine serves and polls (<see cref="IPublishedArticles"/>).
    /// Needs AddBotDatabase and AddKnowledge. The app, the CLI verbs and tests call it; safe to call more than once.
    /// </summary>
    public static IServiceCollection AddKnowledgeDrafts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KnowledgeDraftStore>();
        services.TryAddSingleton<PublishedArticleStore>();
        services.TryAddSingleton<IPublishedArticles>(sp => sp.GetRequiredService<PublishedArticleStore>());
        services.TryAddSingleton<DraftPublisher>();
        return services;
    }
}
