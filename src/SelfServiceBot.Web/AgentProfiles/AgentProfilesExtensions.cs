using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.AgentProfiles;

/// <summary>
/// Agent profiles administration: the page at /agent/agents (Supervisors policy) and the services behind it and the
/// <c>agents</c> CLI verbs.
/// </summary>
public static class AgentProfilesExtensions
{
    public const string PagePath = "/agent/agents";

    public static WebApplicationBuilder AddAgentProfiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IKnowledgeCategories, ServedKnowledgeCategories>();
        builder.Services.AddAgentProfileServices();
        return builder;
    }

    /// <summary>What both the app and the CLI need (besides AddHandoff's roster); the CLI brings its own <see cref="IKnowledgeCategories"/>.</summary>
    internal static IServiceCollection AddAgentProfileServices(this IServiceCollection services)
    {
        services.AddSingleton<SkillCatalog>();
        services.AddSingleton<AgentProfileEditor>();
        return services;
    }

    public static WebApplication MapAgentProfiles(this WebApplication app)
    {
        app.Services.GetRequiredService<StaffNavigation>().Add(PagePath, StaffPolicies.Supervisors, AgentProfileTexts.English.Title, AgentProfileTexts.Chinese.Title);
        return app;
    }
}
