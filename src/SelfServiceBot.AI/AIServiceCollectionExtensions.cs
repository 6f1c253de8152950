using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI.Answers;
using SelfServiceBot.AI.Chat;

namespace SelfServiceBot.AI;

public static class AIServiceCollectionExtensions
{
    /// <summary>
    /// The <c>AI:Chat</c> options, and <see cref="IChatModel"/> when a provider is set. With Provider None no model is
    /// registered: callers resolve <c>IChatModel?</c> and answer as without one (safe to call more than once).
    /// </summary>
    public static IServiceCollection AddAI(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>()
            .BindConfiguration(ChatOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOptions>, ChatOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatModelFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<ChatModelFactory>().Model!);
        services.AddGroundedAnswers();
        return services;
    }
}

/// <summary>Builds the configured model once; null for Provider None.</summary>
public sealed class ChatModelFactory(IOptions<ChatOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    private readonly Lazy<IChatModel?> _model = new(() =>
        options.Value.Provider == ChatProvider.None ? null : SemanticKernelChatModel.Create(options.Value, time, loggers));

    public IChatModel? Model => _model.Value;
}
