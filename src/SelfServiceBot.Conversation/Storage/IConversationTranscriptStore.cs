namespace SelfServiceBot.Conversation.Storage;

/// <summary>
/// Reads a conversation's transcript, whose lines each turn appends with its state (<see cref="FinishedTurn.TranscriptLines"/>).
/// Read only where it is needed (a hand-off), so an ordinary turn neither reads nor rewrites it.
/// </summary>
public interface IConversationTranscriptStore
{
    /// <summary>The last <paramref name="limit"/> lines of the transcript, oldest first.</summary>
    Task<IReadOnlyList<StoredTranscriptLine>> ReadLastAsync(string conversationKey, string transcriptId, int limit, CancellationToken cancellationToken);
}

/// <summary>A line a turn adds to the transcript.</summary>
/// <param name="IdempotencyKey">The inbound activity's key and the line's position: a replayed turn adds the line once.</param>
/// <param name="TranscriptId">The dialog state's current transcript; a restart starts a new one.</param>
/// <param name="From">"user" or "bot".</param>
public sealed record NewTranscriptLine(string IdempotencyKey, string TranscriptId, string From, string Text, DateTimeOffset At);

public sealed record StoredTranscriptLine(string From, string Text, DateTimeOffset At);
