using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.Diagnostics;
using SelfServiceBot.Conversation.Feedback;
using SelfServiceBot.Conversation.Handoff;
using SelfServiceBot.Conversation.Questions;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Conversation.Welcome;
using SelfServiceBot.Handoff;
using SelfServiceBot.Knowledge;

namespace SelfServiceBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The bot and what it needs: knowledge search, state and event stores, the hand-off desk
    /// (AddHandoff) behind IHandoffGateway. Needs AddBotDatabase. Modules that replace a seam (a real hand-off gateway, another
    /// search) register theirs first; these are only fallbacks.
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddKnowledge();
        services.AddConversationData();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName)
            .Validate(o => o.TypingDelay >= TimeSpan.Zero, "Conversation:TypingDelay must not be negative.")
            .ValidateOnStart();
        services.AddHandoff();
        services.TryAddSingleton<IHandoffGateway, DeskHandoffGateway>();

        services.AddMetrics();
        services.TryAddSingleton<ConversationMetrics>();
        services.AddSingleton<DialogStateStore>();
        services.AddSingleton<WelcomeFlow>();
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
