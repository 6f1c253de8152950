namespace SelfServiceBot.Conversation.Storage;

/// <summary>A turn's <see cref="NewTranscriptLine"/>s as the rows they are stored in.</summary>
internal static class TranscriptLineRecords
{
    /// <summary>Each idempotency key once, in the turn's order.</summary>
    public static List<ConversationTranscriptLineRecord> From(string conversationKey, IEnumerable<NewTranscriptLine> lines) =>
        lines.DistinctBy(l => l.IdempotencyKey).Select(l => new ConversationTranscriptLineRecord
        {
            IdempotencyKey = l.IdempotencyKey,
            ConversationKey = conversationKey,
            TranscriptId = l.TranscriptId,
            From = l.From,
            Text = l.Text,
            At = l.At,
        }).ToList();
}
