using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Routing;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.AgentProfiles;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>
/// Where an agent may pass a chat: a colleague who can take it now (a console user, online) or a queue that exists (a
/// known skill and one of our two languages). Anything else would leave the customer waiting where nobody looks.
/// </summary>
public sealed class TransferTargets(IDbContextFactory<BotDbContext> factory, SkillCatalog skills, ConsoleAccess access, TimeProvider clock)
{
    public sealed record Colleague(string Id, string Name);

    /// <summary>The colleagues a chat could go to now, by name (the agent's transfer list; not the supervisors' roster).</summary>
    public async Task<IReadOnlyList<Colleague>> ColleaguesAsync(string me, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var online = await db.Agents().AsNoTracking().Where(a => a.Presence == AgentPresence.Online && a.UserId != me)
            .OrderBy(a => a.DisplayName).Select(a => new Colleague(a.UserId, a.DisplayName)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var eligible = new List<Colleague>();
        foreach (var colleague in online)
        {
            if (await access.IsConsoleUserAsync(colleague.Id, now, cancellationToken))
            {
                eligible.Add(colleague);
            }
        }
        return eligible;
    }

    /// <summary>Null when <paramref name="toAgentId"/> can take a chat from <paramref name="me"/> now, else the text key of why not.</summary>
    public async Task<string?> CheckAgentAsync(string me, string? toAgentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(toAgentId) || toAgentId == me)
        {
            return "transferNoAgent";
        }
        await using var db = factory.CreateDbContext();
        var presence = await db.Agents().AsNoTracking().Where(a => a.UserId == toAgentId).Select(a => a.Presence).SingleOrDefaultAsync(cancellationToken);
        if (presence is null || !await access.IsConsoleUserAsync(toAgentId, clock.GetUtcNow(), cancellationToken))
        {
            return "transferNoAgent";
        }
        return presence == AgentPresence.Online ? null : "transferAgentOffline";
    }

    /// <summary>Null when <paramref name="queue"/> is "skill/language" with a skill of the catalogue and language en or zh-CN.</summary>
    public async Task<string?> CheckQueueAsync(string? queue, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(queue) || !queue.Contains('/'))
        {
            return "transferNoQueue";
        }
        var (skill, language) = QueueRouter.Split(queue.Trim());
        var known = await skills.SkillsAsync(cancellationToken);
        return language is "en" or "zh-CN" && skill != AgentProfile.AllSkills && known.Contains(skill, StringComparer.Ordinal) ? null : "transferNoQueue";
    }
}
