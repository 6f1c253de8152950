using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI.Answers;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.AI.Chat.Safety;
using SelfServiceBot.AI.FollowUps;
using SelfServiceBot.Contracts.Privacy;

namespace SelfServiceBot.AI;

public static class AIServiceCollectionExtensions
{
    /// <summary>
    /// The <c>AI:Chat</c> options, and <see cref="IChatModel"/> when a provider is set. With Provider None no model is
    /// registered: callers resolve <c>IChatModel?</c> and answer as without one (safe to call more than once). With a provider
    /// the host must register an <see cref="IOutboundTextMasker"/> (Data's <c>AddPrivacy()</c>): the app refuses to start
    /// without one rather than send customer text unmasked.
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
        services.AddFollowUps();
        return services;
    }
}

/// <summary>
/// Builds the configured model once (null for Provider None), inside the safety layer every feature gets: the circuit
/// breaker, then masking of customer and agent text, then (only with <c>AI:Chat:LogPrompts</c>) the prompt log, then the
/// connector, whose own loggers are held at Information so they cannot write the chat history.
/// </summary>
public sealed class ChatModelFactory(IOptions<ChatOptions> options, TimeProvider time, ILoggerFactory loggers, IOutboundTextMasker? masker = null)
{
    private readonly Lazy<IChatModel?> _model = new(() => Build(options.Value, time, loggers, masker));

    public IChatModel? Model => _model.Value;

    private static IChatModel? Build(ChatOptions options, TimeProvider time, ILoggerFactory loggers, IOutboundTextMasker? masker)
    {
        if (options.Provider == ChatProvider.None)
        {
            return null;
        }
        if (masker is null)
        {
            throw new InvalidOperationException(ChatOptionsValidation.NoMasker);
        }
        IChatModel model = SemanticKernelChatModel.Create(options, time, new ContentFreeLoggerFactory(loggers));
        if (options.LogPrompts)
        {
            model = new PromptLoggingChatModel(model, loggers.CreateLogger("SelfServiceBot.AI.Chat.Prompts"));
        }
        model = new MaskingChatModel(model, masker);
        return new CircuitBreakerChatModel(model, options.CircuitBreaker, time, loggers.CreateLogger<CircuitBreakerChatModel>());
    }
}
