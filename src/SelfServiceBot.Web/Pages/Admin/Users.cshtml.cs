using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data;

namespace SelfServiceBot.Web.Pages.Admin;

/// <summary>Who can sign in, with which roles (read-only: accounts are managed with the <c>users</c> CLI verbs).</summary>
public sealed class UsersModel(BotDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string? Email, IReadOnlyList<string> Roles, bool Locked, bool MustChangePassword);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Users = users.Select(u => new Row(
            u.Email,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order().ToList(),
            u.LockoutEnd is { } end && end > now,
            u.MustChangePassword)).ToList();
    }
}
