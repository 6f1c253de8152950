using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.Contracts.Privacy;

namespace SelfServiceBot.Data.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>The personal-data masker (and its <c>Privacy</c> options); every module that takes in customer text may use it.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName);
        services.TryAddSingleton<PersonalDataMasker>();
        services.TryAddSingleton<IOutboundTextMasker, OutboundTextMasker>();
        return services;
    }
}
