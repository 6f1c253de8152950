using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.RateLimits;

namespace SelfServiceBot.Web.RateLimits;

/// <summary>
/// The agent hub's method calls per user: one socket carries them all, so HTTP rate limiting sees only its connect.
/// A call over the limit fails with a HubException (the console shows it) and does nothing.
/// </summary>
public sealed class AgentHubRateLimit : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AgentHubRateLimit(IOptions<StaffApiLimitsOptions> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(
            key => RateLimitRejection.FixedWindow(key, limits.HubInvocationsPerUser, limits.Window));
    }

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var http = invocationContext.Context.GetHttpContext();
        var key = http is null ? "connection:" + invocationContext.Context.ConnectionId : StaffApiRateLimit.PartitionKey(http);
        using var lease = _limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
                : "1";
            throw new HubException($"Too many requests: try again in {seconds} s. 请求过多,请 {seconds} 秒后重试。");
        }
        return await next(invocationContext);
    }

    public void Dispose() => _limiter.Dispose();
}
