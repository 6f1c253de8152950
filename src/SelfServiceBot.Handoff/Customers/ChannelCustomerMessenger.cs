using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Connector;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Handoff.Customers;

/// <summary>
/// The bot's own reply paths, used proactively: the local Direct Line's log for Web Chat (the customer's socket or poll
/// picks it up on any instance), the Bot Connector at the conversation's serviceUrl for Teams and Azure channels.
/// </summary>
public sealed class ChannelCustomerMessenger(IServiceProvider services) : ICustomerMessenger
{
    public async Task SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = reference.Conversation?.Id ?? throw new InvalidOperationException("The conversation reference has no conversation id.");
        activity.Conversation = reference.Conversation;
        activity.Recipient = reference.User;
        activity.Locale ??= reference.Locale;
        if (reference.ChannelId == Channels.DirectLine && services.GetService<DirectLineChannel>() is { } directLine)
        {
            if (activity.From is { } from)
            {
                from.Id ??= directLine.Bot.Id;
            }
            await directLine.AppendFromBotAsync(conversationId, activity, cancellationToken);
            return;
        }
        activity.From ??= reference.Bot;
        activity.ChannelId = reference.ChannelId;
        var serviceUrl = reference.ServiceUrl ?? throw new InvalidOperationException("The conversation reference has no serviceUrl.");
        await services.GetRequiredService<IConnectorClient>().SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
    }
}
