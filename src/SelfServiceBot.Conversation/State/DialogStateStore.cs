using System.Text.Json;
using Microsoft.Extensions.Logging;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Data.Conversations;

namespace SelfServiceBot.Conversation.State;

/// <summary>
/// Reads <see cref="DialogState"/> through the shared <see cref="IConversationStateStore"/>, and writes it at the end of
/// a turn together with the turn's events, transcript lines and claim (<see cref="IConversationTurnStore"/>).
/// </summary>
internal sealed class DialogStateStore(IConversationStateStore store, IConversationTurnStore turns, ILogger<DialogStateStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(DialogState State, int? Version)> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(conversationKey, cancellationToken);
        if (stored is null)
        {
            return (new DialogState(), null);
        }
        try
        {
            return (JsonSerializer.Deserialize<DialogState>(stored.Json, Json) ?? new DialogState(), stored.Version);
        }
        catch (JsonException ex)
        {
            // An unreadable state (e.g. from an incompatible older version) must not lock the customer out.
            logger.LogWarning(ex, "Discarding unreadable dialog state of {ConversationKey}", conversationKey);
            return (new DialogState(), stored.Version);
        }
    }

    /// <summary>
    /// Writes the turn's state, its events, its transcript lines and the completion of its claim in one transaction. True when
    /// another turn had written the state meanwhile (this one's overwrote it).
    /// </summary>
    public async Task<bool> SaveTurnAsync(
        string conversationKey, DialogState state, int? version, IReadOnlyList<ConversationEvent> events,
        IReadOnlyList<NewTranscriptLine> transcriptLines, ActivityKey? claim, CancellationToken cancellationToken)
    {
        var turn = new FinishedTurn(conversationKey, JsonSerializer.Serialize(state, Json), version)
        {
            Events = events,
            TranscriptLines = transcriptLines,
            CompletedActivity = claim,
        };
        if ((await turns.WriteAsync(turn, cancellationToken)).OverwroteNewerState)
        {
            // Two turns of one conversation ran at once (a double click, two instances). The turn finishing last has sent
            // the latest replies, so its state wins; say so rather than fail the customer's turn.
            logger.LogWarning("Dialog state of {ConversationKey} changed during the turn; kept this turn's state", conversationKey);
            return true;
        }
        return false;
    }

    public Task DeleteAsync(string conversationKey, CancellationToken cancellationToken) => store.DeleteAsync(conversationKey, cancellationToken);
}
