using SelfServiceBot.Contracts.Staff;

namespace SelfServiceBot.Web.SignIn;

/// <summary>The staff roles (ASP.NET Core Identity roles, created at start). Pages ask for policies, not roles: see <see cref="StaffPolicies"/>.</summary>
public static class StaffRoles
{
    public const string Agent = StaffRoleNames.Agent;
    public const string Supervisor = StaffRoleNames.Supervisor;
    public const string Manager = StaffRoleNames.Manager;
    public const string Admin = StaffRoleNames.Admin;

    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Manager, Admin];

    /// <summary>The canonical spelling of <paramref name="name"/> (any case), or null when it is no role of ours.</summary>
    public static string? Parse(string? name) => All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
