using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>
/// Knowledge base drafts: stored from the console (a resolved chat) and from the cost dashboard's knowledge gaps,
/// reviewed at /agent/drafts (Supervisors policy), published as files of the knowledge base.
/// </summary>
public static class KnowledgeDraftsExtensions
{
    public const string PagePath = "/agent/drafts";

    public static WebApplicationBuilder AddKnowledgeDrafts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KnowledgeDraftStore>();
        builder.Services.AddSingleton<DraftPublisher>();
        return builder;
    }

    public static WebApplication MapKnowledgeDrafts(this WebApplication app)
    {
        app.MapKnowledgeDraftsApi();
        app.Services.GetRequiredService<StaffNavigation>().Add(PagePath, StaffPolicies.Supervisors, KnowledgeDraftTexts.English.ListTitle, KnowledgeDraftTexts.Chinese.ListTitle);
        return app;
    }
}
