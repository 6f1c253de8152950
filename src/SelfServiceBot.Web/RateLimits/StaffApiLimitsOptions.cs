namespace SelfServiceBot.Web.RateLimits;

/// <summary>
/// The <c>StaffApi:Limits</c> section: how often one signed-in user may call the staff APIs (/api/costs, /api/kb) and the
/// agent console hub's methods, per instance. Over the limit: 429 with Retry-After (the hub: an error for that call). 0 turns a limit off.
/// </summary>
public sealed class StaffApiLimitsOptions
{
    public const string SectionName = "StaffApi:Limits";

    /// <summary>Requests to /api/costs/* and /api/kb/* per user per <see cref="Window"/>; the dashboards make a handful per view.</summary>
    public int RequestsPerUser { get; set; } = 300;

    /// <summary>Agent hub method calls (send, accept, transfer, ...) per user per <see cref="Window"/>.</summary>
    public int HubInvocationsPerUser { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
