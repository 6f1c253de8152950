using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace SelfServiceBot.BotFramework.Connector;

/// <summary>
/// When the Bot Connector is retried: throttling (429), precondition races (412) and server/gateway errors, honouring
/// Retry-After up to <see cref="ConnectorOptions.MaxRetryDelay"/>. Never 4xx otherwise: a Teams 403 (e.g.
/// MessageWritesBlocked) stays failed. A retried POST may post twice; the channels accept that risk too.
/// </summary>
internal static class ConnectorRetry
{
    private static readonly HashSet<HttpStatusCode> Retried =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => Retried.Contains(response.StatusCode),
        _ => false,
    };

    /// <summary>The Retry-After of the answer (capped), or null to use the exponential backoff.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        if (delay is not { } d)
        {
            return null;
        }
        return d < TimeSpan.Zero ? TimeSpan.Zero : d > max ? max : d;
    }

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ConnectorOptions options, TimeProvider clock)
    {
        if (options.MaxRetryAttempts <= 0)
        {
            pipeline.AddTimeout(options.AttemptTimeout);
            return;
        }
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.RetryBaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryDelay, clock)),
        });
        pipeline.AddTimeout(options.AttemptTimeout);
    }
}
