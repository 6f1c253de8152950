using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.HotPath;
using SelfServiceBot.Data.Retention;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.Privacy;

namespace SelfServiceBot.Web.Retention;

/// <summary>
/// Forgets what customers and agents wrote once it is <see cref="DatabaseOptions.ConversationRetentionDays"/> old, every
/// hour, and keeps the figures: transcript lines, dialog states, the Direct Line log, conversation references (they name
/// the customer) and hand-off chats and their briefs are deleted; the
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
        var lines = await InBatchesAsync(db => db.ConversationTranscriptLines().Where(l => l.At < cutoff)
            .OrderBy(l => l.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        var states = await InBatchesAsync(db => db.ConversationStates().Where(s => s.UpdatedAt < cutoff)
            .OrderBy(s => s.ConversationKey).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        var directLine = await InBatchesAsync(db => db.DirectLineActivities().Where(a => a.CreatedAt < cutoff)
            .OrderBy(a => a.ConversationId).ThenBy(a => a.Sequence).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        directLine += await InBatchesAsync(db => db.DirectLineConversations()
            .Where(c => c.CreatedAt < cutoff && !db.DirectLineActivities().Any(a => a.ConversationId == c.Id))
            .OrderBy(c => c.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        var references = await InBatchesAsync(db => db.ConversationReferences().Where(r => r.UpdatedAt < cutoff)
            .OrderBy(r => r.ConversationKey).Take(BatchSize).ExecuteDeleteAsync(cancellationToken));
        var handoffMessages = await InBatchesAsync(db =>
        {
            var ended = EndedBefore(db, cutoff);
            return db.HandoffMessages().Where(m => ended.Any(h => h.Id == m.HandoffId))
                .OrderBy(m => m.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
        });
        // The model's briefs of a chat are its customer's data too (docs/privacy.md): they go with the chat.
        var handoffBriefs = await InBatchesAsync(db =>
        {
            var ended = EndedBefore(db, cutoff);
            return db.HandoffBriefs().Where(b => ended.Any(h => h.Id == b.HandoffId))
                .OrderBy(b => b.Id).Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
        });
        Expression<Func<HandoffRequestRecord, bool>> personal = h => h.UserId != null || h.UserName != null || h.LastCustomerText != null
            || h.TranscriptJson != null || h.ConversationReferenceJson != null || h.Note != null || h.ContactDetails != null;
        var handoffs = await ClearInIdOrderAsync(
            (db, after) => EndedBefore(db, cutoff).Where(personal).Where(h => h.Id > after).OrderBy(h => h.Id).Take(BatchSize).Select(h => h.Id)
                .ToListAsync(cancellationToken),
            (db, from, to) => EndedBefore(db, cutoff).Where(personal).Where(h => h.Id >= from && h.Id <= to)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.UserId, (string?)null).SetProperty(h => h.UserName, (string?)null)
                    .SetProperty(h => h.LastCustomerText, (string?)null).SetProperty(h => h.TranscriptJson, (string?)null)
                    .SetProperty(h => h.ConversationReferenceJson, (string?)null).SetProperty(h => h.Note, (string?)null)
                    .SetProperty(h => h.ContactDetails, (string?)null), cancellationToken));
        long applied;
        await using (var db = Factory.CreateDbContext())
        {
            applied = await db.ContactProjections().Where(p => p.Name == ContactProjectionState.ContactsName)
                .Select(p => (long?)p.LastEventId).SingleOrDefaultAsync(cancellationToken) ?? 0;
        }
        Expression<Func<ConversationEventRecord, bool>> eventDue = e => e.Id <= applied && e.OccurredAt < cutoff && (e.Text != null || e.UserId != null);
        var events = await ClearInIdOrderAsync(
            (db, after) => db.ConversationEvents.Where(eventDue).Where(e => e.Id > after).OrderBy(e => e.Id).Take(BatchSize).Select(e => e.Id)
                .ToListAsync(cancellationToken),
            async (db, from, to) =>
            {
                await RewrittenQuestions.RemoveAsync(db.ConversationEvents.Where(eventDue).Where(e => e.Id >= from && e.Id <= to), cancellationToken);
                return await db.ConversationEvents.Where(eventDue).Where(e => e.Id >= from && e.Id <= to)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Text, (string?)null).SetProperty(e => e.UserId, (string?)null), cancellationToken);
            });
        Expression<Func<ContactRecord, bool>> contactDue = c => !c.IsOpen && c.LastActivityAt < cutoff
            && (c.RecontactWindowEnd == null || c.RecontactWindowEnd < now) && (c.Question != null || c.QuestionKey != null || c.CustomerId != null);
        var contacts = await ClearInIdOrderAsync(
            (db, after) => db.Contacts().Where(contactDue).Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize).Select(c => c.Id)
                .ToListAsync(cancellationToken),
            (db, from, to) => db.Contacts().Where(contactDue).Where(c => c.Id >= from && c.Id <= to)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Question, (string?)null).SetProperty(c => c.QuestionKey, (string?)null)
                    .SetProperty(c => c.CustomerId, (string?)null), cancellationToken));
        return new ConversationPruneResult(lines, states, directLine, references, handoffMessages, handoffs, events, contacts, handoffBriefs);
    }

    /// <summary>
    /// Hand-offs that ended before the cutoff: closed then (resolved, cancelled, an offline ticket, a failed external
    /// hand-off), or never closed and silent since (requested, assigned and last written to before it: a customer who left
    /// the queue, an external hand-off the other hub never finished, a ticket made before tickets were closed when made).
    /// </summary>
    private static IQueryable<HandoffRequestRecord> EndedBefore(BotDbContext db, DateTimeOffset cutoff) =>
        db.HandoffRequests().Where(h => (h.ClosedAt != null && h.ClosedAt < cutoff)
            || (h.ClosedAt == null && h.RequestedAt < cutoff && (h.AssignedAt == null || h.AssignedAt < cutoff)
                && !db.HandoffMessages().Any(m => m.HandoffId == h.Id && m.At >= cutoff)));

    /// <summary>
    /// Clears rows that are kept (for the reports) in Id order, each batch starting after the last one's highest Id: the
    /// cleared rows stay, and batches that each started from the first Id again would read past all of them, every one.
    /// <paramref name="nextIds"/> lists the next batch's Ids after a given one; <paramref name="clear"/> clears the due rows
    /// between two Ids (the condition applies again, so a row changed meanwhile is left as it is).
    /// </summary>
    private Task<int> ClearInIdOrderAsync(Func<BotDbContext, long, Task<List<long>>> nextIds, Func<BotDbContext, long, long, Task<int>> clear)
    {
        long after = 0;
        return InBatchesAsync(async db =>
        {
            var ids = await nextIds(db, after);
            if (ids.Count == 0)
            {
                return 0;
            }
            after = ids[^1];
            await clear(db, ids[0], after);
            return ids.Count;
        });
    }
}

/// <summary>Rows deleted (transcript lines, states, Direct Line log, conversation references, hand-off chat messages and briefs) and cleared (the rest).</summary>
public sealed record ConversationPruneResult(
    int TranscriptLines, int States, int DirectLineRows, int ConversationReferences, int HandoffMessages, int HandoffRequestsCleared,
    int EventsCleared, int ContactsCleared, int HandoffBriefs = 0)
{
    public int Total => TranscriptLines + States + DirectLineRows + ConversationReferences + HandoffMessages + HandoffRequestsCleared
        + EventsCleared + ContactsCleared + HandoffBriefs;
}
