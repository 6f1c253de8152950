using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.RateLimits;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// The rate limits of the Direct Line endpoint (<see cref="DirectLineLimitsOptions"/>), as ASP.NET Core rate limiting
/// policies its routes name; they apply where the app calls UseRateLimiter.
/// </summary>
public static class DirectLineRateLimits
{
    /// <summary>tokens/generate, tokens/refresh, POST conversations: per client address.</summary>
    public const string StartPolicy = "DirectLine.Start";

    /// <summary>POST activities: per conversation and credential.</summary>
    public const string PostPolicy = "DirectLine.Post";

    internal static IServiceCollection AddDirectLineLimits(this IServiceCollection services)
    {
        services.AddOptions<DirectLineLimitsOptions>().BindConfiguration(DirectLineLimitsOptions.SectionName)
            .Validate(o => o.StartsPerAddress >= 0 && o.PostsPerConversation >= 0 && o.StreamsPerConversation >= 0,
                "DirectLine:Limits: limits must be 0 (off) or more.")
            .Validate(o => o.StartWindow > TimeSpan.Zero && o.PostWindow > TimeSpan.Zero,
                "DirectLine:Limits:StartWindow and PostWindow must be positive.")
            .ValidateOnStart();
        services.AddSingleton<DirectLineStreamSlots>();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy<string, StartLimit>(StartPolicy);
            o.AddPolicy<string, PostLimit>(PostPolicy);
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, string who)
    {
        var seconds = RateLimitRejection.Prepare(context);
        await DirectLineHttp.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests",
            $"Too many requests {who}: try again in {seconds} s.").ExecuteAsync(context.HttpContext);
    }

    private sealed class StartLimit(IOptions<DirectLineLimitsOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } =
            (context, _) => RejectAsync(context, "from this address");

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitRejection.FixedWindow(ClientAddress.PartitionKey(httpContext), options.Value.StartsPerAddress, options.Value.StartWindow);
    }

    private sealed class PostLimit(IOptions<DirectLineLimitsOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } =
            (context, _) => RejectAsync(context, "for this conversation");

        // The conversation and the credential together: a token serves one conversation, and one who merely knows a
        // conversation's id (not its token) cannot use up its customer's allowance. The credential is hashed so a flood
        // of long made-up ones costs the limiter 64 characters each.
        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            var conversation = httpContext.Request.RouteValues["id"] as string ?? "";
            var credential = DirectLineHttp.Bearer(httpContext.Request) ?? "";
            var key = conversation + "|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));
            return RateLimitRejection.FixedWindow(key, options.Value.PostsPerConversation, options.Value.PostWindow);
        }
    }
}
