namespace SelfServiceBot.Web.Costs;

/// <summary>
/// The managers' dashboard and the Admin's cost-model page. The HTML comes through endpoints that require sign-in (not
/// from wwwroot); the scripts and styles they load are public and hold no data: every figure comes from /api/costs.
/// </summary>
public static class CostsPages
{
    public static IEndpointRouteBuilder MapCostsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/costs", () => Page("dashboard.html")).RequireAuthorization(CostsAccess.ReportsPolicy);
        app.MapGet("/reports/costs/settings", () => Page("settings.html")).RequireAuthorization(CostsAccess.AdminPolicy);
        return app;
    }

    private static IResult Page(string name) =>
        TypedResults.PhysicalFile(Path.Combine(AppContext.BaseDirectory, "Costs", "Pages", name), "text/html; charset=utf-8");
}
