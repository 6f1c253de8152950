using Microsoft.AspNetCore.SignalR;
using SelfServiceBot.Web.AgentConsole;

namespace SelfServiceBot.Web.RateLimits;

/// <summary>
/// ASP.NET Core rate limiting for the app: the staff APIs' policy and the agent hub's filter here; Direct Line registers
/// its own policies (AddDirectLine). Every rejection is 429 with Retry-After.
/// </summary>
public static class RateLimitsExtensions
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffApiLimitsOptions>().BindConfiguration(StaffApiLimitsOptions.SectionName)
            .Validate(o => o.RequestsPerUser >= 0 && o.HubInvocationsPerUser >= 0, "StaffApi:Limits: limits must be 0 (off) or more.")
            .Validate(o => o.Window > TimeSpan.Zero, "StaffApi:Limits:Window must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, StaffApiRateLimit>(StaffApiRateLimit.Policy);
        });
        builder.Services.AddSingleton<AgentHubRateLimit>();
        // AddHubOptions, not Configure<HubOptions<AgentHub>>: only it marks the hub's options as set, else the global ones are used.
        builder.Services.AddSignalR().AddHubOptions<AgentHub>(o => o.AddFilter<AgentHubRateLimit>());
        return builder;
    }
}
