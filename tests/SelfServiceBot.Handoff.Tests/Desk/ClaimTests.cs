using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Handoff.Tests.Infrastructure;

namespace SelfServiceBot.Handoff.Tests.Desk;

public class ClaimTests
{
    private static readonly Dictionary<string, string?> Manual = new() { ["Handoff:AutoAssign"] = "false" };

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Two_agents_claiming_the_same_chat_at_once_exactly_one_wins(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, Manual);
        var anna = await db.OnlineAgentAsync("Anna");
        var ben = await db.OnlineAgentAsync("Ben");
        for (var round = 0; round < 10; round++)
        {
            var placement = await db.Desk.RequestAsync(DeskDatabase.Request($"race-{round}"), default);
            var start = new TaskCompletionSource();
            var claims = new[] { anna, ben }.Select(agent => Task.Run(async () =>
            {
                await start.Task;
                return (agent, won: await db.Desk.ClaimAsync(placement.Id, agent, default));
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(claims);

            var winner = Assert.Single(results, r => r.won).agent;
            var record = await db.Desk.FindAsync(placement.Id, default);
            Assert.Equal(winner, record!.AgentId);
            Assert.Equal(HandoffStatus.Assigned, record.Status);
            Assert.Single(await db.EventsAsync($"race-{round}"), e => e.Type == "agent_assigned");
        }
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_claimed_chat_cannot_be_claimed_again_and_the_customer_is_told_who_joined(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, Manual);
        var anna = await db.OnlineAgentAsync("Anna");
        var ben = await db.OnlineAgentAsync("Ben");
        var placement = await db.Desk.RequestAsync(DeskDatabase.Request("c1", locale: "zh-CN"), default);

        Assert.True(await db.Desk.ClaimAsync(placement.Id, anna, default));
        Assert.False(await db.Desk.ClaimAsync(placement.Id, ben, default));
        Assert.Equal("客服 Anna 已加入对话，可以看到之前的聊天内容。", Assert.Single(db.Sent.To("c1")).Text);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Waiting_chats_go_to_the_least_busy_eligible_agent_highest_priority_and_oldest_first(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Handoff:AutoAssign"] = "true",
            ["Handoff:CategoryPriorities:complaints"] = "5",
        });
        // Ben speaks only Chinese; Anna is the only one for English, with room for one chat.
        var anna = await db.OnlineAgentAsync("Anna", languages: "en", capacity: 1);
        var ben = await db.OnlineAgentAsync("Ben", languages: "zh-CN", capacity: 2);
        var old = await db.Desk.RequestAsync(DeskDatabase.Request("old", category: "complaints"), default);
        var plain = await db.Desk.RequestAsync(DeskDatabase.Request("plain"), default);
        var urgent = await db.Desk.RequestAsync(DeskDatabase.Request("urgent", category: "complaints"), default);
        var chinese = await db.Desk.RequestAsync(DeskDatabase.Request("chinese", locale: "zh-CN"), default);

        await db.Desk.AssignWaitingAsync(default);

        Assert.Equal(ben, (await db.Desk.FindAsync(chinese.Id, default))!.AgentId);
        Assert.Equal(anna, (await db.Desk.FindAsync(old.Id, default))!.AgentId);
        Assert.Equal(HandoffStatus.Queued, (await db.Desk.FindAsync(urgent.Id, default))!.Status);
        Assert.Equal(HandoffStatus.Queued, (await db.Desk.FindAsync(plain.Id, default))!.Status);
        Assert.Equal("complaints/en", old.Queue);
        Assert.Equal("general/zh-CN", chinese.Queue);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Two_assignments_at_once_never_give_an_agent_more_chats_than_their_capacity(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "true" });
        for (var round = 0; round < 8; round++)
        {
            // Two chats wait while the only agent is full; then the agent has room for one, and two passes (two instances, or
            // two hand-offs at once) assign at the same moment, each having read the agent's load as zero.
            var agent = await db.OnlineAgentAsync($"Agent{round}", capacity: 1);
            await SetCapacityAsync(db, agent, 0);
            foreach (var chat in new[] { $"cap-{round}-a", $"cap-{round}-b" })
            {
                Assert.Equal(HandoffStatus.Queued, (await db.Desk.RequestAsync(DeskDatabase.Request(chat), default)).Status);
            }
            await SetCapacityAsync(db, agent, 1);
            var arrived = 0;
            var bothRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            db.Desk.AfterReadingLoads = () =>
            {
                if (Interlocked.Increment(ref arrived) == 2)
                {
                    bothRead.SetResult();
                }
                return bothRead.Task;
            };
            await Task.WhenAll(Task.Run(() => db.Desk.AssignWaitingAsync(default)), Task.Run(() => db.Desk.AssignWaitingAsync(default)));
            db.Desk.AfterReadingLoads = null;

            await using var check = db.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
            Assert.Equal(1, await check.HandoffRequests().CountAsync(h => h.AgentId == agent && h.Status == HandoffStatus.Assigned));
            Assert.Equal(1, await check.HandoffRequests().CountAsync(h => h.Status == HandoffStatus.Queued));
            // The chats end and the agent leaves, so the next round starts with an empty desk.
            await check.HandoffRequests().Where(h => h.Status != HandoffStatus.Closed)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HandoffStatus.Closed));
            await db.Agents.SetPresenceAsync(agent, AgentPresence.Offline, default);
        }
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Nobody_online_for_the_queue_makes_an_offline_ticket(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, Manual);
        await db.OnlineAgentAsync("Ben", languages: "zh-CN");

        var placement = await db.Desk.RequestAsync(DeskDatabase.Request("en-customer"), default);
        var events = await db.EventsAsync("en-customer");

        Assert.Equal(HandoffStatus.Offline, placement.Status);
        Assert.False(placement.OutsideHours);
        Assert.Equal(["handoff_requested", "offline_ticket_created"], events.Select(e => e.Type));
        Assert.Equal($"{{\"reference\":\"{placement.Reference}\"}}", events[1].DataJson);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Outside_business_hours_in_the_configured_time_zone_is_an_offline_ticket_even_with_agents_online(DatabaseProvider provider)
    {
        // 20:00 in Shanghai on a Monday (12:00 UTC) is after the 09:00-18:00 hours; 10:00 there (02:00 UTC) is within.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var db = await DeskDatabase.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Handoff:AutoAssign"] = "false",
            ["Handoff:BusinessHours:TimeZone"] = "Asia/Shanghai",
        }, clock);
        await db.OnlineAgentAsync("Anna");

        var evening = await db.Desk.RequestAsync(DeskDatabase.Request("evening"), default);
        clock.Now = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var morning = await db.Desk.RequestAsync(DeskDatabase.Request("morning"), default);

        Assert.Equal((HandoffStatus.Offline, true), (evening.Status, evening.OutsideHours));
        Assert.Equal(HandoffStatus.Queued, morning.Status);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Positions_count_who_is_ahead_and_the_estimate_uses_recent_handle_times_and_agents_online(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Handoff:AutoAssign"] = "false", ["Handoff:DefaultHandleMinutes"] = "4",
        });
        await db.OnlineAgentAsync("Anna");
        await db.OnlineAgentAsync("Ben");

        var placements = new List<Contracts.Handoff.HandoffPlacement>();
        for (var i = 0; i < 3; i++)
        {
            placements.Add(await db.Desk.RequestAsync(DeskDatabase.Request($"p{i}"), default));
        }
        await db.Desk.CancelAsync(placements[0].Id, default);
        var (position, minutes) = await db.Desk.PositionAsync((await db.Desk.FindAsync(placements[2].Id, default))!, default);

        Assert.Equal([1, 2, 3], placements.Select(p => p.Position));
        // The queue moved: the two still waiting are told their new place.
        Assert.Equal("I'm connecting you with a person. You're next in line, about 2 minutes. You can keep writing here; type \"cancel\" to go back to the bot.",
            Assert.Single(db.Sent.To("p1")).Text);
        Assert.StartsWith("I'm connecting you with a person. You're number 2 in line, about 4 minutes.", Assert.Single(db.Sent.To("p2")).Text);
        // 3 waiting x 4 minutes / 2 agents online, rounded up.
        Assert.Equal(6, placements[2].WaitMinutes);
        Assert.Equal((2, 4), (position, minutes));
        Assert.False(await db.Desk.CancelAsync(placements[0].Id, default));
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_chat_is_not_handed_to_an_unknown_or_absent_agent_and_stays_with_its_own(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, Manual);
        var anna = await db.OnlineAgentAsync("Anna");
        var ben = await db.OnlineAgentAsync("Ben");
        var placement = await db.Desk.RequestAsync(DeskDatabase.Request("t0"), default);
        await db.Desk.ClaimAsync(placement.Id, anna, default);
        await db.Agents.SetPresenceAsync(ben, AgentPresence.Away, default);

        Assert.False(await db.Desk.TransferToAgentAsync(placement.Id, anna, "no-such-agent", default));
        Assert.False(await db.Desk.TransferToAgentAsync(placement.Id, anna, ben, default));
        Assert.False(await db.Desk.TransferToAgentAsync(placement.Id, anna, anna, default));
        var record = (await db.Desk.FindAsync(placement.Id, default))!;

        Assert.Equal((HandoffStatus.Assigned, anna, 1), (record.Status, record.AgentId, record.Assignments));
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Transfer_to_a_queue_puts_the_chat_back_in_line_and_to_an_agent_hands_it_over(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, Manual);
        var anna = await db.OnlineAgentAsync("Anna");
        var ben = await db.OnlineAgentAsync("Ben");
        var placement = await db.Desk.RequestAsync(DeskDatabase.Request("t1"), default);
        await db.Desk.ClaimAsync(placement.Id, anna, default);

        Assert.False(await db.Desk.TransferToAgentAsync(placement.Id, ben, anna, default));
        Assert.True(await db.Desk.TransferToAgentAsync(placement.Id, anna, ben, default));
        Assert.True(await db.Desk.TransferToQueueAsync(placement.Id, ben, "billing/en", default));
        var record = (await db.Desk.FindAsync(placement.Id, default))!;
        var events = await db.EventsAsync("t1");

        Assert.Equal((HandoffStatus.Queued, "billing/en", (string?)null), (record.Status, record.Queue, record.AgentId));
        Assert.Equal(["handoff/1/agent_assigned/1", "handoff/1/agent_assigned/2"],
            events.Where(e => e.Type == "agent_assigned").Select(e => e.IdempotencyKey.Replace($"handoff/{placement.Id}/", "handoff/1/")));
        Assert.Equal(2, events.Count(e => e.Type == "handoff_queued"));
    }

    private static async Task SetCapacityAsync(DeskDatabase db, string agent, int capacity)
    {
        await using var context = db.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        await context.Agents().Where(a => a.UserId == agent).ExecuteUpdateAsync(s => s.SetProperty(a => a.Capacity, capacity));
    }
}
