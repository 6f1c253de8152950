using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>
/// Knowledge base drafts: stored from the console (a resolved chat) and from the cost dashboard's knowledge gaps,
/// reviewed at /agent/drafts (Supervisors policy), published into the database's published articles, which every
/// instance's knowledge base serves beside the files (docs/knowledge.md).
/// </summary>
public static class KnowledgeDraftsExtensions
{
    public const string PagePath = "/agent/drafts";

    public static WebApplicationBuilder AddKnowledgeDrafts(this WebApplicationBuilder builder)
    {
        builder.Services.AddKnowledgeDraftServices();
        return builder;
    }

    /// <summary>The drafts and the published articles, which the knowledge engine serves and polls (also for CLI verbs and tests).</summary>
    public static IServiceCollection AddKnowledgeDraftServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KnowledgeDraftStore>();
        services.TryAddSingleton<PublishedArticleStore>();
        services.TryAddSingleton<IPublishedArticles>(sp => sp.GetRequiredService<PublishedArticleStore>());
        services.TryAddSingleton<DraftPublisher>();
        return services;
    }

    public static WebApplication MapKnowledgeDrafts(this WebApplication app)
    {
        app.MapKnowledgeDraftsApi();
        app.Services.GetRequiredService<StaffNavigation>().Add(PagePath, StaffPolicies.Supervisors, KnowledgeDraftTexts.English.ListTitle, KnowledgeDraftTexts.Chinese.ListTitle);
        return app;
    }
}
