namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// Remembers which inbound activities were handled, so a redelivered activity (same channel,
/// conversation and id) produces no second reply. Must be shared by all instances (a database).
/// </summary>
public interface IProcessedActivityStore
{
    /// <summary>
    /// Claims the activity for processing. False when it was already completed, or another worker
    /// holds a claim younger than <paramref name="lease"/> (a claim older than that is taken over,
    /// so a crash mid-turn does not lose the activity forever).
    /// </summary>
    Task<bool> TryClaimAsync(ActivityKey key, TimeSpan lease, CancellationToken cancellationToken);

    Task CompleteAsync(ActivityKey key, CancellationToken cancellationToken);
}

public readonly record struct ActivityKey(string ChannelId, string ConversationId, string ActivityId)
{
    public override string ToString() => $"{ChannelId}/{ConversationId}/{ActivityId}";
}
