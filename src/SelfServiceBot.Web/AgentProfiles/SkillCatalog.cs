using SelfServiceBot.Handoff;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Routing;

namespace SelfServiceBot.Web.AgentProfiles;

/// <summary>
/// The skills an agent may be given: * (everything), and the queue skill of every knowledge base category
/// (<c>Handoff:SkillByCategory</c> may map several categories to one skill) plus the skill of chats without a category
/// (<c>Handoff:DefaultSkill</c>). A skill outside this list would match no queue.
/// </summary>
public sealed class SkillCatalog(IKnowledgeCategories categories, HandoffOptions options)
{
    public async Task<IReadOnlyList<string>> SkillsAsync(CancellationToken cancellationToken)
    {
        var router = new QueueRouter(options);
        var skills = (await categories.ListAsync(cancellationToken)).Select(router.SkillFor).Append(options.DefaultSkill)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        return [AgentProfile.AllSkills, .. skills];
    }
}
