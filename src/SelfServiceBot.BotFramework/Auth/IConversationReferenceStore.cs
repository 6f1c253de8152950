using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Auth;

/// <summary>
/// Where the bot can write to a conversation later (proactive messages, agent replies). Only references from
/// authenticated activities are saved, so every serviceUrl in the store is one a channel vouched for.
/// Must be shared by all instances (a database).
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>Inserts or replaces the reference of (channelId, conversation.id).</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>True when some saved reference has this serviceUrl (compared in <see cref="ServiceUrls.Normalize"/> form).</summary>
    Task<bool> IsKnownServiceUrlAsync(string serviceUrl, CancellationToken cancellationToken);
}
