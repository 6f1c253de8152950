using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Costs;

/// <summary>The policies the cost pages and API require: Reports (Manager, Supervisor, Admin); Admin for the cost model.</summary>
internal static class CostsAccess
{
    public const string ReportsPolicy = StaffPolicies.Reports;
    public const string AdminPolicy = StaffPolicies.Admin;
}
