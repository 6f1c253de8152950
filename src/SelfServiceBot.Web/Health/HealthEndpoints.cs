using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SelfServiceBot.Web.Health;

/// <summary>
/// Liveness and readiness, as a container platform probes them. <c>/health/live</c>: the process serves requests (no
/// dependency is asked, so a database outage never gets the instance restarted). <c>/health/ready</c>: it can serve
/// customers: the database answers, the knowledge index is loaded, Redis answers when it is configured. <c>/healthz</c>
/// is the old single probe, now the same as ready. Each answers JSON with every check's status; 503 when not healthy.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string LegacyPath = "/healthz";

    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSingleton<RedisHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<KnowledgeHealthCheck>("knowledge", tags: [Ready])
            .AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        return services;
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthJson.WriteAsync });
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthJson.WriteAsync };
        app.MapHealthChecks(ReadyPath, ready);
        app.MapHealthChecks(LegacyPath, ready);
    }

    /// <summary>Probes come every few seconds: they stay out of traces.</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(LegacyPath);
}
