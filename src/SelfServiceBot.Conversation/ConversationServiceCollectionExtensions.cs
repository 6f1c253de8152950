using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI.Answers;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.Diagnostics;
using SelfServiceBot.Conversation.Feedback;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Questions;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Conversation.Welcome;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Knowledge;

namespace SelfServiceBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The bot: its flows, dialog state, and its state and event stores. Needs the modules it talks to, which the host adds
    /// itself: AddBotDatabase, AddBotFramework, AddKnowledge (the search) and AddHandoff (the desk behind IHandoffGateway).
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddConversationData();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName)
            .Validate(o => o.TypingDelay >= TimeSpan.Zero, "Conversation:TypingDelay must not be negative.")
            .ValidateOnStart();
        services.AddOptions<HandoffTriggerOptions>().BindConfiguration(HandoffTriggerOptions.SectionName)
            .Validate(o => o.NoMatchLimit >= 0 && o.MessageLimit >= 0, "Handoff:NoMatchLimit and Handoff:MessageLimit must be 0 (off) or more.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HandoffTriggerOptions>>().Value);

        services.AddMetrics();
        services.TryAddSingleton<ConversationMetrics>();
        services.AddSingleton<DialogStateStore>();
        services.AddSingleton<WelcomeFlow>();
        // Null composer and default options when no model is configured (or the AI module is not added): today's answers.
        services.AddSingleton(sp => new GeneratedAnswers(sp.GetService<GroundedAnswerComposer>(),
            sp.GetService<IOptions<ChatOptions>>()?.Value ?? new ChatOptions(),
            sp.GetService<ILogger<GeneratedAnswers>>() ?? NullLogger<GeneratedAnswers>.Instance));
        services.AddSingleton<QuestionFlow>();
        services.AddSingleton<FeedbackFlow>();
        services.AddSingleton<HandoffFlow>();
        services.AddSingleton<LiveHandoffFlow>();
        services.AddSingleton<ExternalHandoff>();
        services.AddSingleton<MessageFlow>();
        services.AddSingleton<IBot, SupportBot>();
        return services;
    }
}
