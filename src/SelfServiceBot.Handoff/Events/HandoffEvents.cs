using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Events;

/// <summary>
/// Writes hand-off events for the customer's conversation. The idempotency key is <c>handoff/{id}/{type}/{n}</c>, with n
/// taken from the hand-off's own counters, so a retried write after a crash records nothing twice.
/// </summary>
public sealed class HandoffEvents(IConversationEvents events, TimeProvider clock)
{
    public Task RecordAsync(HandoffRequestRecord handoff, string type, int n = 1, IReadOnlyDictionary<string, object?>? data = null,
        string? reason = null, string? articleId = null, CancellationToken cancellationToken = default) =>
        RecordAsync(handoff, type, n.ToString(System.Globalization.CultureInfo.InvariantCulture), data, reason, articleId, cancellationToken);

    /// <param name="n">
    /// What tells this event from the others of its type on the hand-off, when a counter alone does not: a brief's model call
    /// is <c>handoff_summary.{language}.{attempt}</c>, one per language and attempt, so a retried write records nothing twice.
    /// </param>
    public Task RecordAsync(HandoffRequestRecord handoff, string type, string n, IReadOnlyDictionary<string, object?>? data = null,
        string? reason = null, string? articleId = null, CancellationToken cancellationToken = default) =>
        events.RecordAsync(
        [
            new ConversationEvent
            {
                Type = type,
                IdempotencyKey = $"handoff/{handoff.Id}/{type}/{n}",
                ChannelId = handoff.ChannelId,
                ConversationId = handoff.ConversationId,
                UserId = handoff.UserId,
                Locale = handoff.Locale,
                OccurredAt = clock.GetUtcNow(),
                Reason = reason,
                ArticleId = articleId,
                Data = data,
            },
        ], cancellationToken);
}
