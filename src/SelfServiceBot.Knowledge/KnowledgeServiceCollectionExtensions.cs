using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Diagnostics;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The knowledge search (safe to call more than once).</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.SectionName)
            .Validate(o => o.IsValid(),
                "Knowledge thresholds must satisfy 0 <= ClarifyThreshold <= AnswerThreshold <= 100 and AmbiguityMargin >= 0, " +
                "SharedPollSeconds >= 0, and ChineseAnalysis is Bigrams, Words or WordsAndBigrams.")
            .ValidateOnStart();
        services.AddOptions<EmbeddingOptions>()
            .BindConfiguration(EmbeddingOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidation>());
        services.TryAddSingleton<KnowledgeEncoder>();
        services.AddMetrics();
        services.TryAddSingleton<KnowledgeMetrics>();
        services.TryAddSingleton<KnowledgeBaseLocator>();
        services.TryAddSingleton<KnowledgeEngineProvider>();
        services.TryAddSingleton<IKnowledgeSearch, LuceneKnowledgeSearch>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KnowledgeStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PublishedArticlesPoller>());
        return services;
    }
}
