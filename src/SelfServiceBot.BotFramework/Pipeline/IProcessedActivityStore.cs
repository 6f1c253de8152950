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

    /// <summary>
    /// Claims the activity for <paramref name="holder"/> (a token of this attempt), or says why not: completed, or held by
    /// a worker that renewed its claim within <paramref name="lease"/> (alive). A claim not renewed for longer is taken
    /// over, with what its holder recorded (<see cref="RecordRepliedAsync"/>).
    /// </summary>
    async Task<ClaimAttempt> ClaimAsync(ActivityKey key, string holder, TimeSpan lease, CancellationToken cancellationToken) =>
        await TryClaimAsync(key, lease, cancellationToken) ? new ClaimAttempt(ClaimStatus.Claimed, RepliesSent: false) : new ClaimAttempt(ClaimStatus.Completed, false);

    /// <summary>Keeps <paramref name="holder"/>'s claim alive; false when it is no longer theirs (taken over) or completed.</summary>
    Task<bool> RenewAsync(ActivityKey key, string holder, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Records that the turn's replies went out, so a worker taking the claim over after a crash does not repeat them.</summary>
    Task RecordRepliedAsync(ActivityKey key, string holder, CancellationToken cancellationToken) => Task.CompletedTask;
}

public enum ClaimStatus
{
    /// <summary>Ours: new, or taken over from a holder that stopped renewing it (it died).</summary>
    Claimed,
    /// <summary>The turn was done (its events written); nothing more to do.</summary>
    Completed,
    /// <summary>Another worker holds it and is alive: it will finish the turn.</summary>
    Busy,
}

/// <param name="RepliesSent">A taken-over claim whose previous holder recorded its replies as sent.</param>
/// <param name="TakenOver">The claim was another worker's, which stopped renewing it (it died).</param>
public readonly record struct ClaimAttempt(ClaimStatus Status, bool RepliesSent, bool TakenOver = false);

public readonly record struct ActivityKey(string ChannelId, string ConversationId, string ActivityId)
{
    public override string ToString() => $"{ChannelId}/{ConversationId}/{ActivityId}";
}
