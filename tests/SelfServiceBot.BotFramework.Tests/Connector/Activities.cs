using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Tests.Connector;

internal static class Activities
{
    public static Activity Inbound(string serviceUrl, string conversationId, string channelId = Channels.MsTeams) => new()
    {
        Type = ActivityTypes.Message,
        Id = "inbound-1",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:user", Name = "User" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "Bot" },
        Conversation = new ConversationAccount { Id = conversationId },
        Text = "hello",
    };

    public static Activity Reply(string serviceUrl, string conversationId) => Inbound(serviceUrl, conversationId).CreateReply("hi there");
}
