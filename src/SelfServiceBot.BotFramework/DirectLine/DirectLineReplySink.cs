using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>Sends a turn's replies into the Direct Line conversation log, where the client's socket or poll picks them up.</summary>
public sealed class DirectLineReplySink(DirectLineChannel channel, string conversationId, bool replyToVisible = true) : IReplySink
{
    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!replyToVisible)
        {
            activity.ReplyToId = null;
        }
        return await channel.AppendFromBotAsync(conversationId, activity, cancellationToken);
    }
}
