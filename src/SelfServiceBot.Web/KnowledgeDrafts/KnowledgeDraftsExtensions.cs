using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>
/// Knowledge base drafts (the SelfServiceBot.KnowledgeDrafts module, AddKnowledgeDrafts): stored from the console (a resolved
/// chat) and from the cost dashboard's knowledge gaps, reviewed at /agent/drafts (Supervisors policy), published into the
/// database's published articles, which every instance's knowledge base serves beside the files (docs/knowledge.md).
/// </summary>
public static class KnowledgeDraftsExtensions
{
    public const string PagePath = "/agent/drafts";

    public static WebApplication MapKnowledgeDrafts(this WebApplication app)
    {
        app.MapKnowledgeDraftsApi();
        app.Services.GetRequiredService<StaffNavigation>().Add(PagePath, StaffPolicies.Supervisors, KnowledgeDraftTexts.English.ListTitle, KnowledgeDraftTexts.Chinese.ListTitle);
        return app;
    }
}
