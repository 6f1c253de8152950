using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Data.Conversations;

namespace SelfServiceBot.Conversation.Storage;

/// <summary>
/// Writes what one turn of the bot leaves behind, in one transaction: the conversation's dialog state, the turn's events,
/// the lines it added to the transcript and the completion of the inbound activity's claim. A crash cannot leave one without the others: a redelivered
/// activity finds either the whole turn recorded (and is skipped) or nothing of it (and runs again).
/// </summary>
public interface IConversationTurnStore
{
    Task<TurnWriteResult> WriteAsync(FinishedTurn turn, CancellationToken cancellationToken);
}

/// <param name="ConversationKey">"{channelId}|{conversationId}", as in <see cref="IConversationStateStore"/>.</param>
/// <param name="StateJson">The state at the end of the turn.</param>
/// <param name="StateVersion">The version the turn read; null when the conversation had no state yet.</param>
public sealed record FinishedTurn(string ConversationKey, string StateJson, int? StateVersion)
{
    /// <summary>In order; an event whose idempotency key is already recorded (a replayed turn) is skipped.</summary>
    public IReadOnlyList<ConversationEvent> Events { get; init; } = [];

    /// <summary>In order; a line whose idempotency key is already recorded (a replayed turn) is skipped.</summary>
    public IReadOnlyList<NewTranscriptLine> TranscriptLines { get; init; } = [];

    /// <summary>The inbound activity's claim (<see cref="IProcessedActivityStore"/>) to mark completed; null when there is none.</summary>
    public ActivityKey? CompletedActivity { get; init; }
}

/// <param name="OverwroteNewerState">
/// Another turn of the conversation (a double click, a second instance) saved state after this one read it. This turn's
/// state was written anyway: the turn finishing last has sent the latest replies, so its state is the one that fits them.
/// </param>
public sealed record TurnWriteResult(bool OverwroteNewerState);
