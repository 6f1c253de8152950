namespace SelfServiceBot.Conversation.Storage;

/// <summary>
/// A conversation's dialog state as an opaque JSON document with a version, shared by every
/// instance through the database (never only in memory).
/// </summary>
public interface IConversationStateStore
{
    Task<StoredConversationState?> LoadAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state if it is still at <paramref name="expectedVersion"/> (null: it must not exist yet).
    /// False when another turn changed it in between (optimistic concurrency).
    /// </summary>
    Task<bool> TrySaveAsync(string conversationKey, string json, int? expectedVersion, CancellationToken cancellationToken);

    Task DeleteAsync(string conversationKey, CancellationToken cancellationToken);
}

public sealed record StoredConversationState(string Json, int Version);
