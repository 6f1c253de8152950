using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace SelfServiceBot.BotFramework.RateLimits;

/// <summary>What every rate-limited endpoint answers when a caller is over its limit: 429 and when to come back.</summary>
public static class RateLimitRejection
{
    /// <summary>Sets 429 and Retry-After (whole seconds, at least 1); returns the seconds for the body's message.</summary>
    public static int Prepare(OnRejectedContext context)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>A fixed window of <paramref name="permits"/> per <paramref name="window"/>; 0 permits means no limit.</summary>
    public static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window) =>
        permits <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                // Over the limit is answered at once: a queued request would hold a connection for the whole window.
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
