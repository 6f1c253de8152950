using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Data;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>Contacts from real conversations with the running bot (its knowledge base, flows and event log).</summary>
public class LedgerConversationTests
{
    private static int _activity;

    private static async Task SayAsync(AppServer app, string conversation, string text, string? activityId = null)
    {
        var processor = app.Services.GetRequiredService<TurnProcessor>();
        await processor.ProcessAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId ?? Interlocked.Increment(ref _activity).ToString(),
            ChannelId = Channels.DirectLine,
            Conversation = new ConversationAccount { Id = conversation },
            From = new ChannelAccount { Id = "customer-" + conversation },
            Recipient = new ChannelAccount { Id = "bot" },
            Locale = "en-US",
            Text = text,
        }, new BufferedReplySink(), CancellationToken.None);
    }

    private static async Task<Dictionary<string, string?>> OutcomesAfterTheTimeoutAsync(AppServer app)
    {
        var ledger = app.Services.GetRequiredService<ContactLedger>();
        while (await ledger.ApplyNextBatchAsync(default) > 0) { }
        await ledger.CloseIdleAsync(DateTimeOffset.UtcNow.AddMinutes(31), default);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        var contacts = await db.Contacts.AsNoTracking().ToListAsync();
        Assert.Equal(contacts.Count, contacts.Select(c => c.ConversationId).Distinct().Count());
        return contacts.ToDictionary(c => c.ConversationId!, c => c.Outcome);
    }

    [Fact]
    public async Task Answered_and_confirmed_answered_and_silent_and_asking_for_a_person_give_their_outcomes_once_each()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" });
        await SayAsync(app, "confirmed", "How do I track my order?");
        await SayAsync(app, "confirmed", "Yes");
        await SayAsync(app, "silent", "How do I track my order?");
        await SayAsync(app, "person", "I want to talk to a person");
        // A redelivered activity: the pipeline skips it, and nothing is counted twice.
        await SayAsync(app, "silent", "How do I track my order?", activityId: "redelivered");
        await SayAsync(app, "silent", "How do I track my order?", activityId: "redelivered");

        var outcomes = await OutcomesAfterTheTimeoutAsync(app);

        Assert.Equal(ContactOutcomes.DeflectedConfirmed, outcomes["confirmed"]);
        Assert.Equal(ContactOutcomes.DeflectedAssumed, outcomes["silent"]);
        Assert.Equal(ContactOutcomes.Escalated, outcomes["person"]);
        Assert.Equal(3, outcomes.Count);
    }
}
