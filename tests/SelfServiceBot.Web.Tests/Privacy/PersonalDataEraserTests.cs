using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.Persistence;
using SelfServiceBot.Web.Privacy;

namespace SelfServiceBot.Web.Tests.Privacy;

public class PersonalDataEraserTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow;

    [Theory, MemberData(nameof(Providers))]
    public async Task Erasing_a_user_deletes_their_conversations_rows_clears_the_counted_ones_and_leaves_another_user_alone(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddRetentionAndErasure());
        await SeedAsync(db, "directline", "c-alice", "alice");
        await SeedAsync(db, "directline", "c-bob", "bob");
        await using (var context = db.Factory.CreateDbContext())
        {
            // A phone contact imported with the same customer id: no conversation of ours, still hers.
            context.Contacts().Add(new ContactRecord { Source = "import", ContactKey = "call-1", CustomerId = "alice", Outcome = "human_direct", StartedAt = At, LastActivityAt = At, UpdatedAt = At });
            await context.SaveChangesAsync();
        }

        var report = await db.Services.GetRequiredService<PersonalDataEraser>().EraseUserAsync("alice", default);

        Assert.Equal(1, report.Conversations);
        Assert.Equal(new Dictionary<string, int>
        {
            ["ConversationReferences"] = 1, ["ConversationStates"] = 1, ["ConversationTranscriptLines"] = 2, ["DirectLineActivities"] = 2,
            ["DirectLineConversations"] = 1, ["HandoffMessages"] = 1, ["ProcessedActivities"] = 1,
        }, report.Deleted);
        Assert.Equal(new Dictionary<string, int> { ["ConversationEvents"] = 2, ["Contacts"] = 2, ["HandoffRequests"] = 1 }, report.Cleared);
        await using var check = db.Factory.CreateDbContext();
        Assert.Equal(["c-bob"], await check.DirectLineConversations().Select(c => c.Id).ToListAsync());
        Assert.Equal(["directline|c-bob"], (await check.ConversationTranscriptLines().Select(l => l.ConversationKey).ToListAsync()).Distinct());
        Assert.Equal(["bob", "bob"], await check.ConversationEvents.Where(e => e.UserId != null).Select(e => e.UserId!).ToListAsync());
        Assert.Equal(4, await check.ConversationEvents.CountAsync());
        var ticket = await check.HandoffRequests().SingleAsync(h => h.ConversationId == "c-alice");
        Assert.Equal((null, null, null, "closed"), (ticket.ContactDetails, ticket.UserName, ticket.LastCustomerText, ticket.Status));
        Assert.Equal("bob@example.com", (await check.HandoffRequests().SingleAsync(h => h.ConversationId == "c-bob")).ContactDetails);
        Assert.Equal(["bob"], await check.Contacts().Where(c => c.CustomerId != null).Select(c => c.CustomerId!).ToListAsync());
        Assert.Equal(3, await check.Contacts().CountAsync(c => c.Outcome != null));

        Assert.Equal(0, (await db.Services.GetRequiredService<PersonalDataEraser>().EraseUserAsync("alice", default)).Total);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Erasing_a_conversation_by_its_id_alone_finds_its_channel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddRetentionAndErasure());
        await SeedAsync(db, "msteams", "a:1xyz", "29:alice");

        var report = await db.Services.GetRequiredService<PersonalDataEraser>().EraseConversationAsync(null, "a:1xyz", default);

        Assert.Equal(1, report.Conversations);
        await using var check = db.Factory.CreateDbContext();
        Assert.False(await check.ConversationTranscriptLines().AnyAsync());
        Assert.False(await check.ConversationEvents.AnyAsync(e => e.Text != null || e.UserId != null));
        Assert.False(await check.HandoffMessages().AnyAsync());
    }

    private static async Task SeedAsync(TestDatabase db, string channel, string conversation, string user)
    {
        var key = $"{channel}|{conversation}";
        await using var context = db.Factory.CreateDbContext();
        context.ConversationEvents.AddRange(
            new ConversationEventRecord { IdempotencyKey = $"{key}/1", ChannelId = channel, ConversationId = conversation, UserId = user, Type = "customer_message", OccurredAt = At, Text = $"I am {user}" },
            new ConversationEventRecord { IdempotencyKey = $"{key}/2", ChannelId = channel, ConversationId = conversation, UserId = user, Type = "answer_shown", OccurredAt = At, ArticleId = "a1" });
        context.ConversationTranscriptLines().AddRange(
            new ConversationTranscriptLineRecord { ConversationKey = key, TranscriptId = "t", IdempotencyKey = $"{key}/l1", From = "user", Text = $"I am {user}", At = At },
            new ConversationTranscriptLineRecord { ConversationKey = key, TranscriptId = "t", IdempotencyKey = $"{key}/l2", From = "bot", Text = "Hello", At = At });
        context.ConversationStates().Add(new ConversationStateRecord { ConversationKey = key, Json = "{}", Version = 1, UpdatedAt = At });
        context.ConversationReferences().Add(new ConversationReferenceRecord { ConversationKey = key, ChannelId = channel, ServiceUrl = "https://x.example/", Json = "{}", UpdatedAt = At });
        context.ProcessedActivities().Add(new ProcessedActivity { ChannelId = channel, ConversationId = conversation, ActivityId = "1", ClaimedAt = At });
        if (channel == "directline")
        {
            context.DirectLineConversations().Add(new DirectLineConversation { Id = conversation, UserId = user, CreatedAt = At, LastSequence = 2 });
            context.DirectLineActivities().AddRange(
                new DirectLineActivity { ConversationId = conversation, Sequence = 1, Type = "message", Json = $$"""{"text":"I am {{user}}"}""", CreatedAt = At },
                new DirectLineActivity { ConversationId = conversation, Sequence = 2, Type = "message", Json = """{"text":"Hello"}""", CreatedAt = At });
        }
        var handoff = new HandoffRequestRecord
        {
            Reference = "H-" + conversation, ChannelId = channel, ConversationId = conversation, Reason = "explicit_request", UserId = user, UserName = user,
            LastCustomerText = $"I am {user}", ContactDetails = $"{user}@example.com", RequestedAt = At, Status = HandoffStatus.Closed, ClosedAt = At,
        };
        context.HandoffRequests().Add(handoff);
        context.Contacts().Add(new ContactRecord
        {
            Source = "bot", ContactKey = key, CustomerId = user, ChannelId = channel, ConversationId = conversation, Outcome = "escalated",
            StartedAt = At, LastActivityAt = At, Question = $"I am {user}", QuestionKey = "i am", UpdatedAt = At,
        });
        await context.SaveChangesAsync();
        context.HandoffMessages().Add(new HandoffMessageRecord { HandoffId = handoff.Id, From = "customer", Text = $"I am {user}", At = At });
        await context.SaveChangesAsync();
    }
}
