using System.Text.Json;
using Microsoft.Extensions.Logging;
using SelfServiceBot.Data.Conversations;

namespace SelfServiceBot.Conversation.State;

/// <summary>Reads and writes <see cref="DialogState"/> through the shared <see cref="IConversationStateStore"/>.</summary>
internal sealed class DialogStateStore(IConversationStateStore store, ILogger<DialogStateStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Several instances finishing turns of one conversation at the same moment; more would mean a bug.
    private const int MaxOverwriteAttempts = 5;

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

    public async Task SaveAsync(string conversationKey, DialogState state, int? version, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(state, Json);
        if (await store.TrySaveAsync(conversationKey, json, version, cancellationToken))
        {
            return;
        }
        // Two turns of one conversation ran at once (a double click, two instances). The turn finishing
        // last has sent the latest replies, so its state wins; say so rather than fail the customer's turn.
        logger.LogWarning("Dialog state of {ConversationKey} changed during the turn; keeping this turn's state", conversationKey);
        for (var attempt = 0; attempt < MaxOverwriteAttempts; attempt++)
        {
            var current = await store.LoadAsync(conversationKey, cancellationToken);
            if (await store.TrySaveAsync(conversationKey, json, current?.Version, cancellationToken))
            {
                return;
            }
        }
        throw new InvalidOperationException($"Could not save the dialog state of {conversationKey}: it keeps changing.");
    }

    public Task DeleteAsync(string conversationKey, CancellationToken cancellationToken) => store.DeleteAsync(conversationKey, cancellationToken);
}
