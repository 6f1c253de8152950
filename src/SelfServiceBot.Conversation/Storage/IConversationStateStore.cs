namespace SelfServiceBot.Conversation.Storage;

/// <summary>
/// A conversation's dialog state as an opaque JSON document with a version, shared by every
/// instance through the database (never only in memory). A turn writes it with its other rows (<see cref="IConversationTurnStore"/>).
/// </summary>
public interface IConversationStateStore
{
    Task<StoredConversationState?> LoadAsync(string conversationKey, CancellationToken cancellationToken);

    Task DeleteAsync(string conversationKey, CancellationToken cancellationToken);
}

public sealed record StoredConversationState(string Json, int Version);
