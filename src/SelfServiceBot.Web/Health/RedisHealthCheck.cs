using Microsoft.Extensions.Diagnostics.HealthChecks;
using SelfServiceBot.Web.AgentConsole;
using StackExchange.Redis;

namespace SelfServiceBot.Web.Health;

/// <summary>
/// Redis answers a PING when <c>Redis:Configuration</c> is set (the agent console's backplane: without it, a message reaching
/// one instance never reaches an agent on another); healthy and says so when Redis is not used. One connection, made on
/// the first check and kept.
/// </summary>
internal sealed class RedisHealthCheck(IConfiguration configuration) : IHealthCheck, IAsyncDisposable
{
    // Within a container platform's probe timeout (often 5 s, the health verb's too), with the database's check beside it.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!ConfiguredHubLifetimeManager<AgentHub>.IsRedisConfigured(configuration))
        {
            return HealthCheckResult.Healthy("not used (Redis:Configuration is empty)");
        }
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            if (!connection.IsConnected)
            {
                // Commands would wait for a connection until they time out: a probe must answer at once.
                return HealthCheckResult.Unhealthy("Redis does not answer (not connected)");
            }
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer");
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(configuration[ConfiguredHubLifetimeManager<AgentHub>.ConfigurationKey]!);
                // Keep retrying in the background rather than fail for good: the next probe finds Redis once it is back.
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
                options.AsyncTimeout = (int)Timeout.TotalMilliseconds;
                _connection = await ConnectionMultiplexer.ConnectAsync(options);
            }
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _connecting.Dispose();
    }
}
