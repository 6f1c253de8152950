using System.Text.Json;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Events;
using SelfServiceBot.Handoff.Tests.Infrastructure;

namespace SelfServiceBot.Handoff.Tests.Desk;

/// <summary>The events the cost module reads (docs/conversation-events.md): names, keys and fields.</summary>
public class HandoffEventsTests
{
    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_live_hand_off_reports_requested_queued_assigned_resolved_handed_back_and_the_rating(DatabaseProvider provider)
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var db = await DeskDatabase.CreateAsync(provider, new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" }, clock);
        var anna = await db.OnlineAgentAsync("Anna");
        var placement = await db.Desk.RequestAsync(DeskDatabase.Request("life", reason: "low_confidence", category: "orders"), default);
        clock.Now = clock.Now.AddSeconds(90);
        await db.Desk.ClaimAsync(placement.Id, anna, default);
        Assert.True(await db.Desk.SendAgentMessageAsync(placement.Id, anna, "Hello, I'm looking at your order.", default));
        clock.Now = clock.Now.AddMinutes(7.5);
        await db.Desk.ResolveAsync(placement.Id, anna, new Disposition("delivery", true, "sent a new tracking link"), default);
        Assert.True(await db.Desk.RateAsync(placement.Id, 4, default));
        Assert.False(await db.Desk.RateAsync(placement.Id, 5, default));

        var events = await db.EventsAsync("life");
        Assert.Equal(
            ["handoff_requested", "handoff_queued", "agent_assigned", "handoff_resolved", "handed_back", "csat_given"],
            events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal($"handoff/{placement.Id}/{e.Type}/1", e.IdempotencyKey));
        Assert.Equal("low_confidence", events[0].Reason);
        Assert.Equal(new Dictionary<string, object?> { ["reference"] = placement.Reference, ["category"] = "orders", ["queue"] = "orders/en", ["priority"] = 0 }.Keys,
            Data(events[0]).EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, Data(events[1]).GetProperty("position").GetInt32());
        Assert.Equal((anna, 90.0), (Data(events[2]).GetProperty("agentId").GetString(), Data(events[2]).GetProperty("waitSeconds").GetDouble()));
        var resolved = Data(events[3]);
        Assert.Equal(7.5m, resolved.GetProperty("handleMinutes").GetDecimal());
        Assert.Equal(("delivery", true), (resolved.GetProperty("category").GetString(), resolved.GetProperty("resolved").GetBoolean()));
        Assert.False(resolved.TryGetProperty("note", out _));
        Assert.Equal(anna, Data(events[4]).GetProperty("agentId").GetString());
        Assert.Equal(4, Data(events[5]).GetProperty("score").GetInt32());
        var sent = db.Sent.To("life").Select(a => a.Text).ToList();
        Assert.Equal(["Anna has joined the chat and can see our conversation so far.", "Hello, I'm looking at your order.",
            "Anna has left the chat. You're back with the assistant.", "How would you rate the help you got, from 1 (poor) to 5 (excellent)?"], sent);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_retried_event_write_records_nothing_twice(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        await db.OnlineAgentAsync("Anna");
        var placement = await db.Desk.RequestAsync(DeskDatabase.Request("retry"), default);
        var record = (await db.Desk.FindAsync(placement.Id, default))!;
        var events = (HandoffEvents)db.Services.GetService(typeof(HandoffEvents))!;

        await events.RecordAsync(record, HandoffEventTypes.HandoffQueued, record.QueueEntries,
            new Dictionary<string, object?> { ["queue"] = record.Queue, ["position"] = 1 });

        Assert.Single(await db.EventsAsync("retry"), e => e.Type == HandoffEventTypes.HandoffQueued);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Only_the_owning_agent_may_write_or_resolve_and_a_cancelled_wait_is_reported(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        var anna = await db.OnlineAgentAsync("Anna");
        var ben = await db.OnlineAgentAsync("Ben");
        var owned = await db.Desk.RequestAsync(DeskDatabase.Request("owned"), default);
        var waiting = await db.Desk.RequestAsync(DeskDatabase.Request("waiting"), default);
        await db.Desk.ClaimAsync(owned.Id, anna, default);

        Assert.False(await db.Desk.SendAgentMessageAsync(owned.Id, ben, "hi", default));
        Assert.False(await db.Desk.ResolveAsync(owned.Id, ben, new Disposition("other", false, null), default));
        Assert.True(await db.Desk.CancelAsync(waiting.Id, default));
        Assert.Equal("handoff_cancelled", (await db.EventsAsync("waiting")).Last().Type);
        // Told once that they moved up when the other chat was claimed; nothing after cancelling.
        Assert.Contains("next in line", Assert.Single(db.Sent.To("waiting")).Text);
    }

    private static JsonElement Data(Data.Entities.ConversationEventRecord e) => JsonDocument.Parse(e.DataJson!).RootElement;
}
