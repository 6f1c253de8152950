using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>Contacts from real conversations with the running bot (its knowledge base, flows and event log).</summary>
public class LedgerConversationTests
{
    private static int _activity;

    private static Task SayAsync(AppServer app, string conversation, string text, string? activityId = null, string locale = "en-US") =>
        SendAsync(app, new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId ?? Interlocked.Increment(ref _activity).ToString(),
            ChannelId = Channels.DirectLine,
            Conversation = new ConversationAccount { Id = conversation },
            From = new ChannelAccount { Id = "customer-" + conversation },
            Recipient = new ChannelAccount { Id = "bot" },
            Locale = locale,
            Text = text,
        });

    private static async Task SendAsync(AppServer app, Activity activity) =>
        await app.Services.GetRequiredService<TurnProcessor>().ProcessAsync(activity, new BufferedReplySink(), CancellationToken.None);

    private static async Task<Dictionary<string, string?>> OutcomesAfterTheTimeoutAsync(AppServer app)
    {
        var ledger = app.Services.GetRequiredService<ContactLedger>();
        while (await ledger.ApplyNextBatchAsync(default) > 0) { }
        await ledger.CloseIdleAsync(DateTimeOffset.UtcNow.AddMinutes(31), default);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        var contacts = await db.Contacts().AsNoTracking().ToListAsync();
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

    [Fact]
    public async Task With_a_test_clock_each_outcome_comes_from_the_running_bot_and_silence_counts_only_after_the_timeout()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" },
            services => services.AddSingleton<TimeProvider>(clock));
        var ledger = app.Services.GetRequiredService<ContactLedger>();
        await SayAsync(app, "confirmed", "How do I track my order?");
        await SayAsync(app, "confirmed", "Yes");
        await SayAsync(app, "silent", "How do I track my order?");
        await SayAsync(app, "silent-zh", "我的订单到哪里了？", locale: "zh-CN");
        await SayAsync(app, "unhelpful", "How do I track my order?");
        await SayAsync(app, "unhelpful", "No");
        await SayAsync(app, "person", "I want to talk to a person");
        await SendAsync(app, new Activity
        {
            Type = ActivityTypes.Event, Name = "webchat/join", Id = "join-1", ChannelId = Channels.DirectLine,
            Conversation = new ConversationAccount { Id = "joined" }, From = new ChannelAccount { Id = "customer-joined" },
            Recipient = new ChannelAccount { Id = "bot" }, Locale = "en-US",
        });

        clock.Advance(TimeSpan.FromMinutes(29));
        await ledger.CatchUpAsync(default);
        var early = await ContactsAsync(app);
        clock.Advance(TimeSpan.FromMinutes(2));
        await ledger.CatchUpAsync(default);
        var late = await ContactsAsync(app);

        // Before the 30 minutes only the escalation is final; the others are open, without an outcome yet.
        Assert.Equal(ContactOutcomes.Escalated, early["person"].Outcome);
        Assert.All(early.Where(c => c.Key != "person"), c => Assert.Null(c.Value.Outcome));
        Assert.Equal(ContactOutcomes.DeflectedConfirmed, late["confirmed"].Outcome);
        var confirmed = late["confirmed"];
        Assert.Equal((confirmed.ArticleId, true, false), (confirmed.ArticlesShown, confirmed.HelpfulFeedback, confirmed.UnhelpfulFeedback));
        Assert.InRange(confirmed.Confidence ?? -1, 0, 100);
        Assert.Equal((0L, 0L), (confirmed.LlmInputTokens, confirmed.LlmOutputTokens));   // no LLM features yet
        Assert.True(late["unhelpful"].UnhelpfulFeedback);
        Assert.Equal(ContactOutcomes.DeflectedAssumed, late["silent"].Outcome);
        Assert.Equal((ContactOutcomes.DeflectedAssumed, "zh-CN", "orders"), (late["silent-zh"].Outcome, late["silent-zh"].Locale, late["silent-zh"].Category));
        Assert.Equal(ContactOutcomes.Abandoned, late["unhelpful"].Outcome);
        Assert.Equal(ContactOutcomes.Unengaged, late["joined"].Outcome);
        Assert.Equal(ContactOutcomes.Escalated, late["person"].Outcome);
        Assert.Equal("explicit_request", late["person"].EscalationReason);
        // The contact ends at its last activity, not when the ledger noticed the silence.
        Assert.Equal(clock.Start, late["silent"].EndedAt);
        Assert.Equal(6, late.Count);
    }

    [Fact]
    public async Task A_hand_off_through_the_desk_is_escalated_with_the_agents_handle_time_disposition_and_the_customers_rating()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0", ["Handoff:AutoAssign"] = "false" },
            services => services.AddSingleton<TimeProvider>(clock));
        var agents = app.Services.GetRequiredService<AgentDirectory>();
        await agents.EnsureAsync("agent-anna", "Anna", default);
        await agents.UpdateProfileAsync("agent-anna", "Anna", new AgentProfile(["*"], ["en", "zh-CN"], 3), default);
        await agents.SetPresenceAsync("agent-anna", SelfServiceBot.Handoff.Storage.AgentPresence.Online, default);
        var desk = app.Services.GetRequiredService<HandoffDesk>();

        await SayAsync(app, "desk", "I want to talk to a person");
        long handoff;
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext())
        {
            handoff = (await db.HandoffRequests().SingleAsync(h => h.ConversationId == "desk")).Id;
        }
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await desk.ClaimAsync(handoff, "agent-anna", default));
        clock.Advance(TimeSpan.FromMinutes(6.5));
        Assert.True(await desk.ResolveAsync(handoff, "agent-anna", new Disposition("delivery", true, null), default));
        clock.Advance(TimeSpan.FromMinutes(1));
        await SayAsync(app, "desk", "4");
        clock.Advance(TimeSpan.FromMinutes(31));
        await app.Services.GetRequiredService<ContactLedger>().CatchUpAsync(default);

        // One contact: the customer's reply to the rating question ("4") starts no second one.
        var contact = Assert.Single((await ContactsAsync(app)).Values);
        Assert.Equal((ContactOutcomes.Escalated, "explicit_request"), (contact.Outcome, contact.EscalationReason));
        Assert.Equal((390_000L, 4, "delivery"), (contact.HandleMilliseconds, contact.Csat, contact.Category));
        Assert.Equal(clock.Start + TimeSpan.FromMinutes(8.5), contact.EndedAt);   // the hand-back
    }

    private static async Task<Dictionary<string, SelfServiceBot.Costs.Storage.ContactRecord>> ContactsAsync(AppServer app)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        var contacts = await db.Contacts().AsNoTracking().ToListAsync();
        Assert.Equal(contacts.Count, contacts.Select(c => c.ConversationId).Distinct().Count());
        return contacts.ToDictionary(c => c.ConversationId!);
    }
}
