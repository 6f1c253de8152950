using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Contracts.Conversations;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Web.Privacy;

/// <summary>
/// The right to erasure: removes what one customer wrote and what identifies them, from every table, and keeps the
/// anonymous figures the cost reports count. Rows that only hold the customer's data are deleted (transcript lines,
/// dialog state, conversation references, the Direct Line log, hand-off chats and their briefs, idempotency claims); rows the reports count
/// stay with their personal fields cleared, as retention clears them (events: text, user id and a rewritten question; hand-offs: the customer's
/// id, name, texts, transcript, reference, note and contact details; contacts: customer id and question). What is left
/// (an event's type, time and article; a contact's outcome, times and category; a hand-off's queue, times and
/// disposition) names nobody. Knowledge base drafts are reviewed content and are not touched.
/// </summary>
public sealed class PersonalDataEraser(IDbContextFactory<BotDbContext> factory)
{
    /// <summary>Every conversation the user id appears in (events, hand-offs, contacts, Direct Line), and the user's contacts.</summary>
    public async Task<ErasureReport> EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        // All or nothing: a failure half-way leaves the customer's data as it was, and the verb can simply be run again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversations = new HashSet<(string Channel, string Conversation)>();
        conversations.UnionWith((await db.ConversationEvents.Where(e => e.UserId == userId).Select(e => new { e.ChannelId, e.ConversationId })
            .Distinct().ToListAsync(cancellationToken)).Select(c => (c.ChannelId, c.ConversationId)));
        conversations.UnionWith((await db.HandoffRequests().Where(h => h.UserId == userId).Select(h => new { h.ChannelId, h.ConversationId })
            .Distinct().ToListAsync(cancellationToken)).Select(c => (c.ChannelId, c.ConversationId)));
        conversations.UnionWith((await db.Contacts().Where(c => c.CustomerId == userId && c.ChannelId != null && c.ConversationId != null)
            .Select(c => new { c.ChannelId, c.ConversationId }).Distinct().ToListAsync(cancellationToken)).Select(c => (c.ChannelId!, c.ConversationId!)));
        conversations.UnionWith((await db.DirectLineConversations().Where(c => c.UserId == userId).Select(c => c.Id).ToListAsync(cancellationToken))
            .Select(id => (Channels.DirectLine, id)));
        var report = await EraseConversationsAsync(db, conversations, cancellationToken);
        // Contacts imported from other channels (calls, e-mail) carry the customer id but no conversation of ours.
        report.Add("Contacts", cleared: await db.Contacts().Where(c => c.CustomerId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, (string?)null).SetProperty(c => c.Question, (string?)null)
                .SetProperty(c => c.QuestionKey, (string?)null), cancellationToken));
        await RewrittenQuestions.RemoveAsync(db.ConversationEvents.Where(e => e.UserId == userId), cancellationToken);
        report.Add("ConversationEvents", cleared: await db.ConversationEvents.Where(e => e.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Text, (string?)null).SetProperty(e => e.UserId, (string?)null), cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    /// <summary>One conversation, on one channel or (no channel given) on every channel that has that id.</summary>
    public async Task<ErasureReport> EraseConversationAsync(string? channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var channels = new HashSet<string>();
        if (channelId is not null)
        {
            channels.Add(channelId);
        }
        else
        {
            channels.UnionWith(await db.ConversationEvents.Where(e => e.ConversationId == conversationId).Select(e => e.ChannelId).Distinct().ToListAsync(cancellationToken));
            channels.UnionWith(await db.HandoffRequests().Where(h => h.ConversationId == conversationId).Select(h => h.ChannelId).Distinct().ToListAsync(cancellationToken));
            channels.UnionWith(await db.ConversationReferences().Where(r => r.ConversationKey.EndsWith("|" + conversationId)).Select(r => r.ChannelId).ToListAsync(cancellationToken));
            if (await db.DirectLineConversations().AnyAsync(c => c.Id == conversationId, cancellationToken))
            {
                channels.Add(Channels.DirectLine);
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = await EraseConversationsAsync(db, channels.Select(c => (c, conversationId)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    private static async Task<ErasureReport> EraseConversationsAsync(
        BotDbContext db, IEnumerable<(string Channel, string Conversation)> conversations, CancellationToken cancellationToken)
    {
        var report = new ErasureReport();
        foreach (var (channel, conversation) in conversations)
        {
            var key = new ConversationKey(channel, conversation).ToString();
            report.Conversations++;
            report.Add("ConversationTranscriptLines", deleted: await db.ConversationTranscriptLines().Where(l => l.ConversationKey == key).ExecuteDeleteAsync(cancellationToken));
            report.Add("ConversationStates", deleted: await db.ConversationStates().Where(s => s.ConversationKey == key).ExecuteDeleteAsync(cancellationToken));
            report.Add("ConversationReferences", deleted: await db.ConversationReferences().Where(r => r.ConversationKey == key).ExecuteDeleteAsync(cancellationToken));
            report.Add("ProcessedActivities", deleted: await db.ProcessedActivities().Where(p => p.ChannelId == channel && p.ConversationId == conversation).ExecuteDeleteAsync(cancellationToken));
            var handoffs = db.HandoffRequests().Where(h => h.ChannelId == channel && h.ConversationId == conversation);
            report.Add("HandoffBriefs", deleted: await db.HandoffBriefs().Where(b => handoffs.Any(h => h.Id == b.HandoffId)).ExecuteDeleteAsync(cancellationToken));
            report.Add("HandoffMessages", deleted: await db.HandoffMessages().Where(m => handoffs.Any(h => h.Id == m.HandoffId)).ExecuteDeleteAsync(cancellationToken));
            report.Add("HandoffRequests", cleared: await handoffs.ExecuteUpdateAsync(s => s
                .SetProperty(h => h.UserId, (string?)null).SetProperty(h => h.UserName, (string?)null)
                .SetProperty(h => h.LastCustomerText, (string?)null).SetProperty(h => h.TranscriptJson, (string?)null)
                .SetProperty(h => h.ConversationReferenceJson, (string?)null).SetProperty(h => h.Note, (string?)null)
                .SetProperty(h => h.ContactDetails, (string?)null), cancellationToken));
            await RewrittenQuestions.RemoveAsync(db.ConversationEvents.Where(e => e.ChannelId == channel && e.ConversationId == conversation), cancellationToken);
            report.Add("ConversationEvents", cleared: await db.ConversationEvents
                .Where(e => e.ChannelId == channel && e.ConversationId == conversation && (e.Text != null || e.UserId != null))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Text, (string?)null).SetProperty(e => e.UserId, (string?)null), cancellationToken));
            report.Add("Contacts", cleared: await db.Contacts()
                .Where(c => c.ChannelId == channel && c.ConversationId == conversation && (c.CustomerId != null || c.Question != null || c.QuestionKey != null))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, (string?)null).SetProperty(c => c.Question, (string?)null)
                    .SetProperty(c => c.QuestionKey, (string?)null), cancellationToken));
            if (channel == Channels.DirectLine)
            {
                report.Add("DirectLineActivities", deleted: await db.DirectLineActivities().Where(a => a.ConversationId == conversation).ExecuteDeleteAsync(cancellationToken));
                report.Add("DirectLineConversations", deleted: await db.DirectLineConversations().Where(c => c.Id == conversation).ExecuteDeleteAsync(cancellationToken));
            }
        }
        return report;
    }
}

/// <summary>Rows deleted and rows kept with their personal fields cleared, per table.</summary>
public sealed class ErasureReport
{
    public int Conversations { get; set; }

    public SortedDictionary<string, int> Deleted { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Cleared { get; } = new(StringComparer.Ordinal);

    public int Total => Deleted.Values.Sum() + Cleared.Values.Sum();

    public void Add(string table, int deleted = 0, int cleared = 0)
    {
        if (deleted > 0)
        {
            Deleted[table] = Deleted.GetValueOrDefault(table) + deleted;
        }
        if (cleared > 0)
        {
            Cleared[table] = Cleared.GetValueOrDefault(table) + cleared;
        }
    }
}
