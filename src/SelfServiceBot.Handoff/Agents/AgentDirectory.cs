using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Agents;

/// <summary>Agents' profiles (skills, languages, capacity) and presence. Going online may take waiting chats at once.</summary>
public sealed class AgentDirectory(IDbContextFactory<BotDbContext> factory, HandoffDesk desk, IHandoffNotifier notifier, TimeProvider clock)
{
    /// <summary>Creates the profile on first use (all skills, both languages, 3 chats); an existing one is kept.</summary>
    public async Task<AgentRecord> EnsureAsync(string userId, string displayName, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (await db.Agents().AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken) is { } existing)
        {
            return existing;
        }
        var agent = new AgentRecord { UserId = userId, DisplayName = displayName };
        db.Agents().Add(agent);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return agent;
        }
        catch (DbUpdateException)
        {
            // Created by the agent's other tab or instance a moment ago.
            await using var again = factory.CreateDbContext();
            return await again.Agents().AsNoTracking().SingleAsync(a => a.UserId == userId, cancellationToken);
        }
    }

    /// <summary>
    /// Sets what the agent can take (creating the profile when they never opened the console) and routes at once: a
    /// waiting chat the agent can now take (a new skill, language or more room) is assigned when they are online.
    /// </summary>
    /// <exception cref="AgentProfileException">The languages or capacity are not valid, or a list is empty.</exception>
    public async Task UpdateProfileAsync(string userId, string displayName, AgentProfile profile, CancellationToken cancellationToken)
    {
        // Skills are checked against the knowledge base by the caller (page, CLI): the desk does not know the categories.
        if (profile.Check(profile.Skills) is { Count: > 0 } errors)
        {
            throw new AgentProfileException(errors);
        }
        profile = profile.Canonical(profile.Skills);
        await EnsureAsync(userId, displayName, cancellationToken);
        await using (var db = factory.CreateDbContext())
        {
            await db.Agents().Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Skills, string.Join(',', profile.Skills))
                .SetProperty(a => a.Languages, string.Join(',', profile.Languages))
                .SetProperty(a => a.Capacity, profile.Capacity), cancellationToken);
        }
        await notifier.QueueChangedAsync(cancellationToken);
        await desk.AssignWaitingAsync(cancellationToken);
    }

    public async Task SetPresenceAsync(string userId, string presence, CancellationToken cancellationToken)
    {
        if (presence is not (AgentPresence.Online or AgentPresence.Away or AgentPresence.Offline))
        {
            throw new ArgumentException($"Unknown presence '{presence}'.", nameof(presence));
        }
        await using (var db = factory.CreateDbContext())
        {
            await db.Agents().Where(a => a.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Presence, presence).SetProperty(a => a.PresenceChangedAt, clock.GetUtcNow()), cancellationToken);
        }
        await notifier.PresenceChangedAsync(userId, presence, cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        if (presence == AgentPresence.Online)
        {
            await desk.AssignWaitingAsync(cancellationToken);
        }
    }

    /// <summary>Every agent with the number of chats they own now (the supervisor view).</summary>
    public async Task<IReadOnlyList<(AgentRecord Agent, int Load)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var agents = await db.Agents().AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        var loads = await db.HandoffRequests().Where(h => h.Status == HandoffStatus.Assigned && h.AgentId != null)
            .GroupBy(h => h.AgentId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return agents.Select(a => (a, loads.GetValueOrDefault(a.UserId))).ToList();
    }
}
