using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.Persistence;
using SelfServiceBot.Web.Retention;

namespace SelfServiceBot.Web.Tests.Retention;

public class ConversationDataPruningTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly DateTimeOffset Old = Now.AddDays(-40);
    private static readonly DateTimeOffset Recent = Now.AddDays(-1);
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-30);

    [Theory, MemberData(nameof(Providers))]
    public async Task What_was_written_before_the_cutoff_is_deleted_or_cleared_and_the_figures_and_recent_data_stay(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddRetentionAndErasure());
        long lastAppliedEvent;
        await using (var context = db.Factory.CreateDbContext())
        {
            // More than a batch of old transcript lines.
            context.ConversationTranscriptLines().AddRange(Enumerable.Range(0, ConversationDataPruning.BatchSize + 10).Select(i => Line("old", i, Old)));
            context.ConversationTranscriptLines().Add(Line("new", 0, Recent));
            context.ConversationStates().AddRange(State("old", Old), State("new", Recent));
            context.ConversationReferences().AddRange(Reference("old", Old), Reference("new", Recent));
            context.DirectLineConversations().AddRange(Conversation("dl-old", Old), Conversation("dl-active", Old), Conversation("dl-new", Recent));
            context.DirectLineActivities().AddRange(Activity("dl-old", 1, Old), Activity("dl-active", 1, Old), Activity("dl-active", 2, Recent), Activity("dl-new", 1, Recent));
            var closedLongAgo = Handoff("closed-old", Old);
            var closedRecently = Handoff("closed-new", Recent);
            var open = Handoff("open", null);
            context.HandoffRequests().AddRange(closedLongAgo, closedRecently, open);
            await context.SaveChangesAsync();
            context.HandoffMessages().AddRange(Message(closedLongAgo.Id, Old), Message(closedRecently.Id, Old), Message(open.Id, Old));
            context.ConversationEvents.AddRange(Event("applied-old", Old), Event("applied-new", Recent), Event("unapplied-old", Old));
            context.Contacts().AddRange(
                Contact("old", Old, windowEnd: Old.AddDays(7), open: false),
                Contact("old-window-open", Old, windowEnd: Now.AddDays(1), open: false),
                Contact("old-still-open", Old, windowEnd: null, open: true),
                Contact("new", Recent, windowEnd: Recent.AddDays(7), open: false));
            await context.SaveChangesAsync();
            lastAppliedEvent = (await context.ConversationEvents.SingleAsync(e => e.IdempotencyKey == "applied-new")).Id;
            // The ledger has applied the events up to here (its checkpoint row comes with the schema).
            await context.ContactProjections().Where(p => p.Name == ContactProjectionState.ContactsName)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastEventId, lastAppliedEvent));
        }

        var pruned = await db.Services.GetRequiredService<ConversationDataPruning>().PruneAsync(Cutoff, default);

        await using var check = db.Factory.CreateDbContext();
        Assert.Equal(["new"], await check.ConversationTranscriptLines().Select(l => l.ConversationKey).ToListAsync());
        Assert.Equal(["new"], await check.ConversationStates().Select(s => s.ConversationKey).ToListAsync());
        Assert.Equal(["new"], await check.ConversationReferences().Select(r => r.ConversationKey).ToListAsync());
        Assert.Equal(["dl-active|2", "dl-new|1"], (await check.DirectLineActivities().ToListAsync()).Select(a => $"{a.ConversationId}|{a.Sequence}").Order());
        Assert.Equal(["dl-active", "dl-new"], (await check.DirectLineConversations().Select(c => c.Id).ToListAsync()).Order());
        var messages = await check.HandoffMessages().Join(check.HandoffRequests(), m => m.HandoffId, h => h.Id, (m, h) => h.Reference).ToListAsync();
        Assert.Equal(["closed-new", "open"], messages.Order());
        var handoffs = await check.HandoffRequests().ToDictionaryAsync(h => h.Reference);
        Assert.All(new[] { handoffs["closed-old"] }, h => Assert.Equal(
            (null, null, null, null, null, null, null), (h.UserId, h.UserName, h.LastCustomerText, h.TranscriptJson, h.ConversationReferenceJson, h.Note, h.ContactDetails)));
        Assert.Equal("closed-old", handoffs["closed-old"].Reference);
        Assert.Equal(true, handoffs["closed-old"].Resolved);
        Assert.Equal("Where is my parcel?", handoffs["closed-new"].LastCustomerText);
        Assert.Equal("Where is my parcel?", handoffs["open"].LastCustomerText);
        var events = await check.ConversationEvents.ToDictionaryAsync(e => e.IdempotencyKey);
        Assert.Equal((null, null, "answer_shown", "a1"), (events["applied-old"].Text, events["applied-old"].UserId, events["applied-old"].Type, events["applied-old"].ArticleId));
        Assert.Equal("my order 123", events["applied-new"].Text);
        Assert.Equal("my order 123", events["unapplied-old"].Text);
        var contacts = await check.Contacts().ToDictionaryAsync(c => c.ContactKey);
        Assert.Equal((null, null, null, "deflected"), (contacts["old"].Question, contacts["old"].QuestionKey, contacts["old"].CustomerId, contacts["old"].Outcome));
        Assert.Equal(("my order 123", "u1"), (contacts["old-window-open"].Question, contacts["old-window-open"].CustomerId));
        Assert.Equal("my order 123", contacts["old-still-open"].Question);
        Assert.Equal("my order 123", contacts["new"].Question);
        Assert.Equal(new ConversationPruneResult(ConversationDataPruning.BatchSize + 10, 1, 3, 1, 1, 1, 1, 1), pruned);

        // A second pass finds nothing left to do.
        Assert.Equal(0, (await db.Services.GetRequiredService<ConversationDataPruning>().PruneAsync(Cutoff, default)).Total);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Hand_offs_that_never_closed_lose_their_personal_fields_and_chat_once_silent_since_the_cutoff(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddRetentionAndErasure());
        await using (var context = db.Factory.CreateDbContext())
        {
            // Rows as earlier versions left them: an offline ticket, an external hand-off the other hub never finished and a
            // customer who left the queue, none with ClosedAt; and two old ones still in use (a recent message, a recent claim).
            var ticket = Unclosed("ticket", HandoffStatus.Offline, Old);
            var external = Unclosed("external", HandoffStatus.External, Old);
            var left = Unclosed("left-the-queue", HandoffStatus.Queued, Old);
            var talking = Unclosed("still-talking", HandoffStatus.Assigned, Old);
            var claimed = Unclosed("just-claimed", HandoffStatus.Assigned, Old, assignedAt: Recent);
            context.HandoffRequests().AddRange(ticket, external, left, talking, claimed);
            await context.SaveChangesAsync();
            context.HandoffMessages().AddRange(Message(left.Id, Old), Message(talking.Id, Old), Message(talking.Id, Recent), Message(claimed.Id, Old));
            await context.SaveChangesAsync();
        }

        var pruned = await db.Services.GetRequiredService<ConversationDataPruning>().PruneAsync(Cutoff, default);

        await using var check = db.Factory.CreateDbContext();
        var handoffs = await check.HandoffRequests().ToDictionaryAsync(h => h.Reference);
        foreach (var ended in new[] { "ticket", "external", "left-the-queue" })
        {
            var h = handoffs[ended];
            Assert.Equal((null, null, null, null, null, null), (h.UserId, h.UserName, h.LastCustomerText, h.TranscriptJson, h.ConversationReferenceJson, h.ContactDetails));
        }
        Assert.Equal("anna@example.com", handoffs["still-talking"].ContactDetails);
        Assert.Equal("Where is my parcel?", handoffs["just-claimed"].LastCustomerText);
        var messages = await check.HandoffMessages().Join(check.HandoffRequests(), m => m.HandoffId, h => h.Id, (m, h) => h.Reference).ToListAsync();
        Assert.Equal(["just-claimed", "still-talking", "still-talking"], messages.Order());
        Assert.Equal((1, 3), (pruned.HandoffMessages, pruned.HandoffRequestsCleared));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Events_and_contacts_are_cleared_over_several_batches_each_starting_after_the_last(DatabaseProvider provider)
    {
        // Cleared rows stay; each batch goes on after the last one's highest Id. Old rows that must stay (an event the
        // ledger has not applied yet, a contact whose recontact window is open) sit between and after the batches.
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddRetentionAndErasure());
        var count = 2 * ConversationDataPruning.BatchSize + 10;
        await using (var context = db.Factory.CreateDbContext())
        {
            context.ConversationEvents.AddRange(Enumerable.Range(0, count).Select(i => Event($"old-{i}", Old)));
            context.Contacts().AddRange(Enumerable.Range(0, count).Select(i => Contact($"old-{i}", Old, windowEnd: i == 600 ? Now.AddDays(1) : Old.AddDays(7), open: false)));
            await context.SaveChangesAsync();
            var applied = await context.ConversationEvents.MaxAsync(e => e.Id);
            context.ConversationEvents.Add(Event("unapplied-old", Old));
            await context.SaveChangesAsync();
            await context.ContactProjections().Where(p => p.Name == ContactProjectionState.ContactsName)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastEventId, applied));
        }

        var pruned = await db.Services.GetRequiredService<ConversationDataPruning>().PruneAsync(Cutoff, default);

        await using var check = db.Factory.CreateDbContext();
        Assert.Equal((count, count - 1), (pruned.EventsCleared, pruned.ContactsCleared));
        Assert.Equal(["unapplied-old"], await check.ConversationEvents.Where(e => e.Text != null).Select(e => e.IdempotencyKey).ToListAsync());
        Assert.Equal(["old-600"], await check.Contacts().Where(c => c.Question != null).Select(c => c.ContactKey).ToListAsync());
    }

    [Fact]
    public async Task The_pruning_runs_as_a_hosted_service()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, s => s.AddRetentionAndErasure());

        Assert.Contains(db.Services.GetServices<IHostedService>(), s => s is ConversationDataPruning);
    }

    private static ConversationTranscriptLineRecord Line(string conversation, int i, DateTimeOffset at) => new()
    {
        ConversationKey = conversation, TranscriptId = "t", IdempotencyKey = $"{conversation}/{i}", From = "user", Text = "my order 123", At = at,
    };

    private static ConversationStateRecord State(string key, DateTimeOffset at) => new() { ConversationKey = key, Json = "{}", Version = 1, UpdatedAt = at };

    private static ConversationReferenceRecord Reference(string key, DateTimeOffset at) => new()
    {
        ConversationKey = key, ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/emea/", Json = """{"user":{"name":"Anna"}}""", UpdatedAt = at,
    };

    private static DirectLineConversation Conversation(string id, DateTimeOffset at) => new() { Id = id, CreatedAt = at, LastSequence = 2 };

    private static DirectLineActivity Activity(string conversation, long sequence, DateTimeOffset at) => new()
    {
        ConversationId = conversation, Sequence = sequence, Type = "message", Json = """{"text":"my order 123"}""", CreatedAt = at,
    };

    private static HandoffRequestRecord Handoff(string reference, DateTimeOffset? closedAt) => new()
    {
        Reference = reference, ChannelId = "webchat", ConversationId = reference, Reason = "explicit_request", UserId = "u1", UserName = "Anna",
        LastCustomerText = "Where is my parcel?", TranscriptJson = "[]", ConversationReferenceJson = "{}", Note = "called back",
        ContactDetails = "anna@example.com", RequestedAt = closedAt ?? Now, Status = closedAt is null ? HandoffStatus.Queued : HandoffStatus.Closed,
        ClosedAt = closedAt, Resolved = closedAt is null ? null : true,
    };

    private static HandoffRequestRecord Unclosed(string reference, string status, DateTimeOffset requestedAt, DateTimeOffset? assignedAt = null)
    {
        var handoff = Handoff(reference, null);
        (handoff.Status, handoff.RequestedAt, handoff.AssignedAt) = (status, requestedAt, assignedAt);
        return handoff;
    }

    private static HandoffMessageRecord Message(long handoffId, DateTimeOffset at) => new() { HandoffId = handoffId, From = "agent", Text = "Hello Anna", At = at };

    private static ConversationEventRecord Event(string key, DateTimeOffset at) => new()
    {
        IdempotencyKey = key, ChannelId = "webchat", ConversationId = "c", UserId = "u1", Type = "answer_shown", OccurredAt = at, ArticleId = "a1", Text = "my order 123",
    };

    private static ContactRecord Contact(string key, DateTimeOffset lastActivity, DateTimeOffset? windowEnd, bool open) => new()
    {
        Source = "bot", ContactKey = key, CustomerId = "u1", StartedAt = lastActivity, LastActivityAt = lastActivity, IsOpen = open,
        Outcome = open ? null : "deflected", RecontactWindowEnd = windowEnd, Question = "my order 123", QuestionKey = "order", UpdatedAt = lastActivity,
    };
}
