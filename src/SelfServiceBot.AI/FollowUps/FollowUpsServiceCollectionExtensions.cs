using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI.Chat;

namespace SelfServiceBot.AI.FollowUps;

public static class FollowUpsServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="FollowUpRewriter"/>, which resolves to null unless a model is configured and <c>AI:Chat:FollowUps</c> is
    /// on: the conversation then never asks, and keeps no history for it.
    /// </summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetService<IChatModel>() is { } model
            && sp.GetRequiredService<IOptions<ChatOptions>>().Value.Enabled(ChatFeature.FollowUps)
                ? new FollowUpRewriter(model)
                : null!);
        return services;
    }
}
