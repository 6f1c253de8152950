using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Contracts.Staff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Agents;

/// <summary>One staff member who may take chats, with their profile (the defaults until someone sets it), presence and load.</summary>
public sealed record AgentRow(
    string UserId, string? Email, string DisplayName, IReadOnlyList<string> Roles, string Presence, int Load, AgentProfile Profile, bool HasProfile);

/// <summary>
/// Everyone in a role that takes chats (<see cref="StaffRoleNames.TakeChats"/>: Agent, Supervisor, Admin), whether or not they have opened the console yet:
/// the profiles page and <c>agents list</c> show the same people.
/// </summary>
public sealed class AgentRoster(IDbContextFactory<BotDbContext> factory, AgentDirectory directory)
{
    private static readonly AgentRecord Defaults = new() { UserId = "", DisplayName = "" };

    public async Task<IReadOnlyList<AgentRow>> ListAsync(CancellationToken cancellationToken)
    {
        var agentRoles = StaffRoleNames.TakeChats;
        List<(StaffUser User, List<string> Roles)> staff;
        await using (var db = factory.CreateDbContext())
        {
            var roles = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where agentRoles.Contains(r.Name!)
                               select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
            var ids = roles.Select(r => r.UserId).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
            staff = users.Select(u => (u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList())).ToList();
        }
        var profiles = (await directory.ListAsync(cancellationToken)).ToDictionary(a => a.Agent.UserId);
        return staff.Select(s =>
            {
                var (agent, load) = profiles.TryGetValue(s.User.Id, out var found) ? found : (Defaults, 0);
                return new AgentRow(s.User.Id, s.User.Email, DisplayNameOf(s.User), s.Roles, agent.Presence, load,
                    new AgentProfile(AgentProfile.ParseList(agent.Skills), AgentProfile.ParseList(agent.Languages), agent.Capacity),
                    HasProfile: !ReferenceEquals(agent, Defaults));
            })
            .OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The row of the user with this id or e-mail (any case), or null when they are no agent.</summary>
    public async Task<AgentRow?> FindAsync(string idOrEmail, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(r => r.UserId == idOrEmail || string.Equals(r.Email, idOrEmail, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a staff user with this e-mail exists at all (to tell "no such user" from "not an agent").</summary>
    public async Task<IReadOnlyList<string>?> RolesOfAsync(string email, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            return null;
        }
        return await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync(cancellationToken);
    }

    /// <summary>The name agents and customers see, as the sign-in cookie has it.</summary>
    public static string DisplayNameOf(StaffUser user) => user.DisplayName ?? user.Email ?? user.UserName ?? user.Id;
}
