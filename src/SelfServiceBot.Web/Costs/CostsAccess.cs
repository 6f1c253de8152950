namespace SelfServiceBot.Web.Costs;

/// <summary>The policies the cost pages and API require (defined with staff sign-in: Reports = Manager, Supervisor, Admin).</summary>
internal static class CostsAccess
{
    public const string ReportsPolicy = "Reports";
    public const string AdminPolicy = "Admin";
}
