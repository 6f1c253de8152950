using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.BotFramework.Diagnostics;
using SelfServiceBot.BotFramework.Pipeline;

namespace SelfServiceBot.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>The turn pipeline. Transports (/api/messages, Direct Line) and auth are added by their own extensions.</summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<BotFrameworkMetrics>();
        services.AddOptions<TurnClaimOptions>().BindConfiguration(TurnClaimOptions.SectionName)
            .Validate(o => o.Lease > TimeSpan.Zero && o.RedeliveryWait >= TimeSpan.Zero, "BotFramework:Claims:Lease must be positive and RedeliveryWait not negative.")
            .ValidateOnStart();
        services.AddSingleton<TurnProcessor>();
        return services;
    }
}
