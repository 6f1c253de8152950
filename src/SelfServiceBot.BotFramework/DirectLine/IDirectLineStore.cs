namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// Where Direct Line conversations and their activity logs live. Shared by every instance (a
/// database), so a client may post to one instance and read from another.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Creates the conversation; false when it already exists (another request or instance won).</summary>
    Task<bool> CreateConversationAsync(DirectLineConversationInfo conversation, CancellationToken cancellationToken);

    Task<DirectLineConversationInfo?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks the conversation ended: it can no longer be read, posted to or refreshed. Nothing happens when it does not exist.</summary>
    Task EndConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one activity with the next sequence number of its conversation. The number is
    /// unique even when several instances append at once; <paramref name="json"/> gets it so the
    /// stored activity can carry an id built from it.
    /// </summary>
    async Task<long> AppendAsync(string conversationId, string type, Func<long, string> json, CancellationToken cancellationToken) =>
        (await AppendAsync(conversationId, [new DirectLineAppend(type, json)], cancellationToken))[0].Sequence;

    /// <summary>
    /// Appends activities in one transaction with consecutive sequence numbers, in the order given: all of them or none.
    /// Returns the stored entries. An activity whose <see cref="DirectLineAppend.ClientActivityId"/> the conversation already
    /// logged is not logged again: its entry is the one stored first, marked <see cref="DirectLineLogEntry.AlreadyLogged"/>.
    /// </summary>
    Task<IReadOnlyList<DirectLineLogEntry>> AppendAsync(string conversationId, IReadOnlyList<DirectLineAppend> activities, CancellationToken cancellationToken);

    /// <summary>Activities with a sequence above <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DirectLineLogEntry>> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>The named app secret; the first caller's <paramref name="create"/> wins across all instances.</summary>
    Task<string> GetOrAddAppSecretAsync(string name, Func<string> create, CancellationToken cancellationToken);
}

public sealed record DirectLineConversationInfo(string Id, string UserId, string? Locale, DateTimeOffset CreatedAt, bool Ended = false);

/// <summary>
/// An activity to append: its type, its wire JSON given the sequence number it gets, and the id that makes a second append
/// of it a no-op (a client's retried post, a reply of a turn run again after a crash); null: none.
/// </summary>
public sealed record DirectLineAppend(string Type, Func<long, string> Json, string? ClientActivityId = null);

/// <summary>One stored activity: its sequence (the watermark), type and wire JSON; already logged by an earlier append.</summary>
public sealed record DirectLineLogEntry(long Sequence, string Type, string Json, bool AlreadyLogged = false);
