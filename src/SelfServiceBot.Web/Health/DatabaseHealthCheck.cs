using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SelfServiceBot.Data;

namespace SelfServiceBot.Web.Health;

/// <summary>The database answers (a connection opens; on SQLite the file can be opened).</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<BotDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Database.ProviderName?.Split('.').Last()} answers")
            : HealthCheckResult.Unhealthy("the database does not answer");
    }
}
