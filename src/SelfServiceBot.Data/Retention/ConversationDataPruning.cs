using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Data.Retention;

/// <summary>
/// Forgets what customers and agents wrote once it is <see cref="DatabaseOptions.ConversationRetentionDays"/> old, every
/// hour, and keeps the figures: transcript lines, dialog states, the Direct Line log, conversation references (they name
/// the customer) and hand-off chats are deleted; the
/// conversation events, contacts and hand-off requests the cost reports count stay, with their texts and customer ids
/// cleared. Off (0) by default: how long to keep conversations is the operator's decision (docs/database.md).
/// <para>
/// An event's text is cleared only after the contact ledger applied it (the contact's question comes from it); a contact's
/// customer id only after its recontact window closed (a returning customer is recognised by it). Small batches: on
/// SQLite each holds the write lock only briefly. Every instance prunes; doing what another instance did is harmless.
/// </para>
/// </summary>
public sealed class ConversationDataPruning(
    IDbContextFactory<BotDbContext> factory, HotWrites writes, IOptions<DatabaseOptions> options, TimeProvider clock,
    ILogger<ConversationDataPruning> logger)
    : HourlyPruning(factory, writes, clock, logger)
{
    protected override bool IsOn => options.Value.ConversationRetentionDays > 0;

    protected override string What => "conversation data";

    protected override async Task PruneOnceAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.ConversationRetentionDays;
        var pruned = await PruneAsync(Clock.GetUtcNow() - TimeSpan.FromDays(days), cancellationToken);
        if (pruned.Total > 0)
        {
            logger.LogInformation("Conversation data older than {Days} days: {Pruned}", days, pruned);
        }
    }

    /// <summary>Deletes or clears what was written before <paramref name="cutoff"/>; how many rows of each kind.</summary>
    public async Task<ConversationPruneResult> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var lines = await InBatchesAsync(db => db.ConversationTranscriptLines.Where(l => l.At < cutoff)
            .OrderBy(l => l.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        var states = await InBatchesAsync(db => db.ConversationStates.Where(s => s.UpdatedAt < cutoff)
            .OrderBy(s => s.ConversationKey).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        var directLine = await InBatchesAsync(db => db.DirectLineActivities.Where(a => a.CreatedAt < cutoff)
            .OrderBy(a => a.ConversationId).ThenBy(a => a.Sequence).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        directLine += await InBatchesAsync(db => db.DirectLineConversations
            .Where(c => c.CreatedAt < cutoff && !db.DirectLineActivities.Any(a => a.ConversationId == c.Id))
            .OrderBy(c => c.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        var references = await InBatchesAsync(db => db.ConversationReferences.Where(r => r.UpdatedAt < cutoff)
            .OrderBy(r => r.ConversationKey).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        var handoffMessages = await InBatchesAsync(db => db.HandoffMessages
            .Where(m => db.HandoffRequests.Any(h => h.Id == m.HandoffId && h.ClosedAt != null && h.ClosedAt < cutoff))
            .OrderBy(m => m.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        var handoffs = await InBatchesAsync(db => db.HandoffRequests
            .Where(h => h.ClosedAt != null && h.ClosedAt < cutoff
                && (h.UserId != null || h.UserName != null || h.LastCustomerText != null || h.TranscriptJson != null
                    || h.ConversationReferenceJson != null || h.Note != null || h.ContactDetails != null))
            .OrderBy(h => h.Id).Take(BatchSize)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.UserId, (string?)null).SetProperty(h => h.UserName, (string?)null)
                .SetProperty(h => h.LastCustomerText, (string?)null).SetProperty(h => h.TranscriptJson, (string?)null)
                .SetProperty(h => h.ConversationReferenceJson, (string?)null).SetProperty(h => h.Note, (string?)null)
                .SetProperty(h => h.ContactDetails, (string?)null), cancellationToken));
        long applied;
        await using (var db = Factory.CreateDbContext())
        {
            applied = await db.ContactProjections.Where(p => p.Name == ContactProjectionState.ContactsName)
                .Select(p => (long?)p.LastEventId).SingleOrDefaultAsync(cancellationToken) ?? 0;
        }
        var events = await InBatchesAsync(db => db.ConversationEvents
            .Where(e => e.Id <= applied && e.OccurredAt < cutoff && (e.Text != null || e.UserId != null))
            .OrderBy(e => e.Id).Take(BatchSize)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Text, (string?)null).SetProperty(e => e.UserId, (string?)null), cancellationToken));
        var contacts = await InBatchesAsync(db => db.Contacts
            .Where(c => !c.IsOpen && c.LastActivityAt < cutoff && (c.RecontactWindowEnd == null || c.RecontactWindowEnd < now)
                && (c.Question != null || c.QuestionKey != null || c.CustomerId != null))
            .OrderBy(c => c.Id).Take(BatchSize)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Question, (string?)null).SetProperty(c => c.QuestionKey, (string?)null)
                .SetProperty(c => c.CustomerId, (string?)null), cancellationToken));
        return new ConversationPruneResult(lines, states, directLine, references, handoffMessages, handoffs, events, contacts);
    }
}

/// <summary>Rows deleted (transcript lines, states, Direct Line log, conversation references, hand-off chat messages) and cleared (the rest).</summary>
public sealed record ConversationPruneResult(
    int TranscriptLines, int States, int DirectLineRows, int ConversationReferences, int HandoffMessages, int HandoffRequestsCleared,
    int EventsCleared, int ContactsCleared)
{
    public int Total => TranscriptLines + States + DirectLineRows + ConversationReferences + HandoffMessages + HandoffRequestsCleared
        + EventsCleared + ContactsCleared;
}
