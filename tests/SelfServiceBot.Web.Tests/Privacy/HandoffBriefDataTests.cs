using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.Persistence;
using SelfServiceBot.Web.Privacy;
using SelfServiceBot.Web.Retention;

namespace SelfServiceBot.Web.Tests.Privacy;

/// <summary>The model's briefs of a hand-off are its customer's data: erasure and retention delete them with the chat, and only them.</summary>
public class HandoffBriefDataTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory, MemberData(nameof(Providers))]
    public async Task Erasing_a_conversation_deletes_its_hand_offs_briefs_and_leaves_anothers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddRetentionAndErasure());
        var alice = await SeedAsync(db, "c-alice", Now);
        var bob = await SeedAsync(db, "c-bob", Now);

        var report = await db.Services.GetRequiredService<PersonalDataEraser>().EraseConversationAsync("directline", "c-alice", default);

        Assert.Equal(2, report.Deleted["HandoffBriefs"]);
        await using var check = db.Factory.CreateDbContext();
        Assert.Equal([bob, bob], await check.HandoffBriefs().Select(b => b.HandoffId).ToListAsync());
        Assert.NotEqual(alice, bob);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Retention_deletes_the_briefs_of_hand_offs_that_ended_before_the_cutoff(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddRetentionAndErasure());
        await SeedAsync(db, "c-old", Now.AddDays(-40));
        var recent = await SeedAsync(db, "c-recent", Now.AddDays(-1));

        var pruned = await db.Services.GetRequiredService<ConversationDataPruning>().PruneAsync(Now.AddDays(-30), default);

        Assert.Equal(2, pruned.HandoffBriefs);
        await using var check = db.Factory.CreateDbContext();
        Assert.Equal([recent, recent], await check.HandoffBriefs().Select(b => b.HandoffId).ToListAsync());
    }

    private static async Task<long> SeedAsync(TestDatabase db, string conversation, DateTimeOffset at)
    {
        await using var context = db.Factory.CreateDbContext();
        var handoff = new HandoffRequestRecord
        {
            Reference = "H-" + conversation, ChannelId = "directline", ConversationId = conversation, Reason = "explicit_request", UserId = "u-" + conversation,
            LastCustomerText = "My parcel 4411 is late", RequestedAt = at, Status = HandoffStatus.Closed, ClosedAt = at,
        };
        context.HandoffRequests().Add(handoff);
        await context.SaveChangesAsync();
        foreach (var language in new[] { "en", "zh-CN" })
        {
            context.HandoffBriefs().Add(new HandoffBriefRecord
            {
                HandoffId = handoff.Id, Language = language, Status = HandoffBriefStatus.Ready, StartedAt = at, FinishedAt = at,
                BriefJson = """{"problem":"Parcel 4411 is late","offered":"Tracking","references":"4411","mood":"calm"}""",
            });
        }
        await context.SaveChangesAsync();
        return handoff.Id;
    }
}
