using Microsoft.Extensions.Diagnostics.HealthChecks;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Web.Health;

/// <summary>
/// The knowledge index is loaded. Without it every question gets the fallback answer, so an instance that has none (no
/// knowledge base found, or the first load failed) is not ready for customers.
/// </summary>
internal sealed class KnowledgeHealthCheck(KnowledgeEngineProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(provider switch
        {
            { IsLoaded: true } => HealthCheckResult.Healthy($"index {provider.Stamp} loaded"),
            { FirstLoadEnded: true } => HealthCheckResult.Unhealthy("no knowledge index: no knowledge base was found or it failed to load (see the log)"),
            _ => HealthCheckResult.Unhealthy("the knowledge index is loading"),
        });
}
