using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Conversation.Bot;

namespace SelfServiceBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<IBot, SupportBot>();
        return services;
    }
}
