using Microsoft.AspNetCore.Authorization;
using SelfServiceBot.Contracts.Staff;

namespace SelfServiceBot.Web.SignIn;

/// <summary>
/// Who may open what, in one place. Endpoints and pages name a policy (<c>RequireAuthorization(StaffPolicies.Reports)</c>,
/// <c>[Authorize(Policy = StaffPolicies.Agents)]</c>); only this class knows which roles make it up.
/// </summary>
public static class StaffPolicies
{
    /// <summary>The agent console: agents, their supervisors, admins.</summary>
    public const string Agents = "Agents";

    /// <summary>Running the desk: agents' profiles, reviewing knowledge base drafts. Supervisors and admins.</summary>
    public const string Supervisors = "Supervisors";

    /// <summary>Reports and dashboards (e.g. the managers' cost dashboard): managers, supervisors, admins.</summary>
    public const string Reports = "Reports";

    /// <summary>User administration.</summary>
    public const string Admin = "Admin";

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [Agents] = [.. StaffRoleNames.TakeChats],
        [Supervisors] = [StaffRoles.Supervisor, StaffRoles.Admin],
        [Reports] = [StaffRoles.Manager, StaffRoles.Supervisor, StaffRoles.Admin],
        [Admin] = [StaffRoles.Admin],
    };

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in Roles)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
        return builder;
    }
}
