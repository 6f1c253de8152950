using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.BotFramework.Pipeline;

namespace SelfServiceBot.BotFramework.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    public const string CorsPolicy = "DirectLine";

    /// <summary>The local Direct Line v3 endpoint. Needs an <see cref="IDirectLineStore"/> (AddBotDatabase) and the turn pipeline (AddBotFramework).</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName)
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "DirectLine:TokenLifetime must be positive.")
            .Validate(o => o.StreamPollInterval > TimeSpan.Zero, "DirectLine:StreamPollInterval must be positive.")
            .Validate(o => o.PageSize > 0, "DirectLine:PageSize must be positive.")
            .Validate(o => o.MaxTokenAge >= o.TokenLifetime && o.StreamTokenLifetime > TimeSpan.Zero,
                "DirectLine:MaxTokenAge must be at least TokenLifetime, and StreamTokenLifetime positive.")
            .Validate(o => o.MaxActivityBytes > 0 && o.MaxStartRequestBytes > 0 && o.MaxUserIdLength > 0 && o.MaxUserNameLength > 0 && o.MaxTextLength > 0,
                "DirectLine:MaxActivityBytes, MaxStartRequestBytes, MaxUserIdLength, MaxUserNameLength and MaxTextLength must be positive.")
            .ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineSignals>();
        services.AddSingleton<DirectLineChannel>();
        services.AddSingleton<DirectLineStream>();
        services.TryAddSingleton<TurnShutdown>();
        services.AddDirectLineLimits();
        // Pages on other origins may embed Web Chat against this endpoint. No cookies are involved
        // (the token travels in Authorization), so any origin is safe to allow.
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST")));
        return services;
    }

    /// <summary>Maps /v3/directline. The host's pipeline needs UseCors (for <see cref="CorsPolicy"/>) and UseWebSockets (the stream).</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        var group = app.MapGroup(DirectLineHttp.BasePath).RequireCors(CorsPolicy);
        group.MapPost("/tokens/generate", DirectLineTokenEndpoints.GenerateAsync).RequireRateLimiting(DirectLineRateLimits.StartPolicy);
        group.MapPost("/tokens/refresh", DirectLineTokenEndpoints.RefreshAsync).RequireRateLimiting(DirectLineRateLimits.StartPolicy);
        group.MapPost("/conversations", DirectLineConversationEndpoints.StartAsync).RequireRateLimiting(DirectLineRateLimits.StartPolicy);
        group.MapGet("/conversations/{id}", DirectLineConversationEndpoints.ReconnectAsync);
        group.MapGet("/conversations/{id}/activities", DirectLineActivityEndpoints.ListAsync);
        group.MapPost("/conversations/{id}/activities", DirectLineActivityEndpoints.PostAsync).RequireRateLimiting(DirectLineRateLimits.PostPolicy);
        group.MapPost("/conversations/{id}/upload", DirectLineActivityEndpoints.UploadAsync);
        group.MapGet("/conversations/{id}/stream", DirectLineStreamEndpoint.AcceptAsync);
        return app;
    }
}
