using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Costs;

public static class CostsEndpoints
{
    /// <summary>
    /// Maps the cost API and pages only when staff sign-in is configured (a challenge scheme and the Reports and Admin
    /// policies): without it they stay unmapped, never open to anyone.
    /// </summary>
    public static WebApplication MapCosts(this WebApplication app)
    {
        var schemes = app.Services.GetService<IAuthenticationSchemeProvider>();
        var policies = app.Services.GetService<IAuthorizationPolicyProvider>();
        // Both providers answer from memory at start; waiting on them here blocks nothing.
        var signIn = schemes?.GetDefaultChallengeSchemeAsync().GetAwaiter().GetResult() is not null
            && policies?.GetPolicyAsync(CostsAccess.ReportsPolicy).GetAwaiter().GetResult() is not null
            && policies.GetPolicyAsync(CostsAccess.AdminPolicy).GetAwaiter().GetResult() is not null;
        if (!signIn)
        {
            app.Logger.LogWarning("Cost dashboard and /api/costs are off: staff sign-in (the {Reports} and {Admin} policies) is not configured",
                CostsAccess.ReportsPolicy, CostsAccess.AdminPolicy);
            return app;
        }
        app.MapCostsApi();
        app.MapCostsPages();
        app.Services.GetService<StaffNavigation>()?.Add("/reports/costs", CostsAccess.ReportsPolicy, "Cost dashboard", "成本仪表板");
        return app;
    }
}
