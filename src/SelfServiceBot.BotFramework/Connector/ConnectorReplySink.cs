using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Connector;

/// <summary>
/// Sends a turn's activities to the Bot Connector of the activity's serviceUrl: a reply when it answers an activity,
/// else a plain send. Trace activities only reach the Emulator, as with the SDK.
/// </summary>
public sealed class ConnectorReplySink(IConnectorClient connector) : IReplySink
{
    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Trace && activity.ChannelId != Channels.Emulator)
        {
            return null;
        }
        var serviceUrl = activity.ServiceUrl
            ?? throw new ArgumentException("The activity has no serviceUrl to send it to.", nameof(activity));
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));

        var response = string.IsNullOrEmpty(activity.ReplyToId)
            ? await connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken)
            : await connector.ReplyToActivityAsync(serviceUrl, conversationId, activity.ReplyToId, activity, cancellationToken);
        return response.Id;
    }
}
