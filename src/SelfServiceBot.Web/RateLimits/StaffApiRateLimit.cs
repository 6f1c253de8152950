using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.RateLimits;

namespace SelfServiceBot.Web.RateLimits;

/// <summary>The staff APIs' limit: per signed-in user (by address before sign-in, where the APIs answer 401 anyway).</summary>
public sealed class StaffApiRateLimit(IOptions<StaffApiLimitsOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "StaffApi";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        var seconds = RateLimitRejection.Prepare(context);
        await TypedResults.Problem(
            title: "Too many requests",
            detail: $"Too many requests from this account: try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitRejection.FixedWindow(PartitionKey(httpContext), options.Value.RequestsPerUser, options.Value.Window);

    /// <summary>"user:ID" for a signed-in user, else "address:ADDRESS".</summary>
    public static string PartitionKey(HttpContext httpContext) =>
        httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } user
            ? "user:" + user
            : "address:" + ClientAddress.PartitionKey(httpContext);
}
