using Microsoft.Extensions.Diagnostics.HealthChecks;
using SelfServiceBot.Data;

namespace SelfServiceBot.Web.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>/healthz answers 200 once the app is started and its database answers.</summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
    }

    private sealed class DatabaseHealthCheck(Microsoft.EntityFrameworkCore.IDbContextFactory<BotDbContext> factory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = factory.CreateDbContext();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
