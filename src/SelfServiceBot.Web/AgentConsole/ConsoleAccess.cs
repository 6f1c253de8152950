using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>
/// Who may see what in the console, read from the database at the moment it matters rather than from the cookie the
/// console connected with: a SignalR connection lives for hours, and an agent removed or a supervisor demoted meanwhile
/// must lose access at their next call (<see cref="AgentHubAccessFilter"/>) and stop receiving customer text at once.
/// </summary>
public sealed class ConsoleAccess(IDbContextFactory<BotDbContext> factory, IOptions<IdentityOptions> identity)
{
    /// <summary>What the caller is now: null when they may no longer use the console at all.</summary>
    public sealed record Standing(bool Supervisor);

    private static readonly string[] ConsoleRoles = StaffPolicies.Roles[StaffPolicies.Agents];
    private static readonly string[] SupervisorRoles = StaffPolicies.Roles[StaffPolicies.Supervisors];

    public async Task<Standing?> CheckAsync(ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }
        await using var db = factory.CreateDbContext();
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        // The stamp changes with a password reset or any sign-out-everywhere; the cookie carries the one it was issued with.
        var stamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stored is null || (stamp is not null && stamp != stored.SecurityStamp) || stored.LockoutEnd > now)
        {
            return null;
        }
        var roles = await RolesOf(db).Where(r => r.UserId == id).Select(r => r.Role).ToListAsync(cancellationToken);
        return roles.Any(ConsoleRoles.Contains) ? new Standing(roles.Any(SupervisorRoles.Contains)) : null;
    }

    /// <summary>
    /// The users who may read a chat's customer text now: its agent (while they still hold a console role) and every
    /// supervisor. A waiting chat (no agent) goes to supervisors only here; agents learn of it from the queue.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadersAsync(string? agentId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await RolesOf(db)
            .Where(r => SupervisorRoles.Contains(r.Role) || (r.UserId == agentId && ConsoleRoles.Contains(r.Role)))
            .Select(r => r.UserId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="userId"/> is a staff user who may use the console now (exists, not locked out, right role).</summary>
    public async Task<bool> IsConsoleUserAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var lockoutEnd = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        return lockoutEnd is not null && !(lockoutEnd.LockoutEnd > now)
            && await RolesOf(db).AnyAsync(r => r.UserId == userId && ConsoleRoles.Contains(r.Role), cancellationToken);
    }

    private static IQueryable<UserRole> RolesOf(BotDbContext db) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        select new UserRole { UserId = ur.UserId, Role = r.Name! };

    private sealed class UserRole
    {
        public required string UserId { get; init; }
        public required string Role { get; init; }
    }
}
