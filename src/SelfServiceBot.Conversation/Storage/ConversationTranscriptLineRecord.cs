using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Conversation.Storage;

/// <summary>
/// One line of a conversation as the customer saw it, appended once at the end of the turn that said it (with the turn's
/// state), so a turn does not read and rewrite the whole transcript. Read only for a hand-off.
/// </summary>
public sealed class ConversationTranscriptLineRecord : IIdempotentRecord
{
    /// <summary>Increases in the order the lines were written: a turn's lines go in one insert, in order.</summary>
    public long Id { get; set; }
    /// <summary>"{channelId}|{conversationId}", as ConversationStateRecord.</summary>
    public required string ConversationKey { get; set; }
    /// <summary>
    /// The dialog state's transcript this line belongs to: a restart (or a reset after a failed turn) starts a new one, so
    /// the lines before it no longer show, as when the transcript lived in the state.
    /// </summary>
    public required string TranscriptId { get; set; }
    /// <summary>Unique: the inbound activity's key and the line's position, so a replayed turn adds no line twice.</summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>"user" or "bot".</summary>
    public required string From { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
}
