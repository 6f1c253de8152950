using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Web.Persistence;
using SelfServiceBot.Web.Privacy;
using SelfServiceBot.Web.Retention;

namespace SelfServiceBot.Web.Tests.Privacy;

/// <summary>
/// A follow-up's rewrite (customer_message's DataJson.rewritten) is the customer's question in other words: erasure and
/// retention remove it wherever they clear the event's text, and keep the intent.
/// </summary>
public class RewrittenQuestionTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string Rewritten = """{"intent":"question","rewritten":"How much does delivery cost for furniture?"}""";

    [Theory, MemberData(nameof(Providers))]
    public async Task Erasing_a_user_removes_the_rewritten_question_and_keeps_the_intent(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddRetentionAndErasure());
        await using (var context = db.Factory.CreateDbContext())
        {
            context.ConversationEvents.AddRange(Message("alice", "c-alice", DateTimeOffset.UtcNow), Message("bob", "c-bob", DateTimeOffset.UtcNow));
            await context.SaveChangesAsync();
        }

        await db.Services.GetRequiredService<PersonalDataEraser>().EraseUserAsync("alice", default);

        await using var check = db.Factory.CreateDbContext();
        Assert.Equal("""{"intent":"question"}""", (await check.ConversationEvents.SingleAsync(e => e.ConversationId == "c-alice")).DataJson);
        Assert.Equal(Rewritten, (await check.ConversationEvents.SingleAsync(e => e.ConversationId == "c-bob")).DataJson);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Retention_removes_the_rewritten_question_with_the_text(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddRetentionAndErasure());
        await using (var context = db.Factory.CreateDbContext())
        {
            context.ConversationEvents.AddRange(Message("alice", "c-old", DateTimeOffset.UtcNow.AddDays(-40)), Message("bob", "c-new", DateTimeOffset.UtcNow));
            await context.SaveChangesAsync();
            var last = await context.ConversationEvents.MaxAsync(e => e.Id);
            await context.ContactProjections().Where(p => p.Name == ContactProjectionState.ContactsName)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastEventId, last));
        }

        await db.Services.GetRequiredService<ConversationDataPruning>().PruneAsync(DateTimeOffset.UtcNow.AddDays(-30), default);

        await using var check = db.Factory.CreateDbContext();
        var old = await check.ConversationEvents.SingleAsync(e => e.ConversationId == "c-old");
        Assert.Equal((null, """{"intent":"question"}"""), (old.Text, old.DataJson));
        Assert.Equal(Rewritten, (await check.ConversationEvents.SingleAsync(e => e.ConversationId == "c-new")).DataJson);
    }

    private static ConversationEventRecord Message(string user, string conversation, DateTimeOffset at) => new()
    {
        IdempotencyKey = $"{conversation}/1", ChannelId = "webchat", ConversationId = conversation, UserId = user, Type = "customer_message",
        OccurredAt = at, Text = "and for furniture?", DataJson = Rewritten,
    };
}
