using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Handoff.Tests.Infrastructure;

namespace SelfServiceBot.Handoff.Tests.Agents;

/// <summary>
/// Presence over all of an agent's consoles on two instances sharing one database, on a clock the test moves
/// (grace 30 s, heartbeat 15 s, expiry 60 s: the defaults).
/// </summary>
public class AgentPresenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Closing_one_of_two_consoles_changes_nothing_and_closing_the_last_sets_the_agent_offline_after_the_grace_period(DatabaseProvider provider)
    {
        var clock = new FixedClock(Start);
        await using var db = await DeskDatabase.CreateAsync(provider, new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" }, clock);
        var (a, b) = Instances(db, clock);
        var anna = await db.OnlineAgentAsync("Anna");
        await a.ConnectedAsync(anna, "tab-1", default);
        await b.ConnectedAsync(anna, "tab-2", default);
        var chat = await db.Desk.RequestAsync(DeskDatabase.Request("c1"), default);
        await db.Desk.ClaimAsync(chat.Id, anna, default);

        await a.DisconnectedAsync(anna, "tab-1", default);
        clock.Now = Start.AddSeconds(45);
        await SweepAsync(a, b);
        var afterOneTab = await AgentAsync(db, anna);
        var consolesAfterOneTab = await a.OpenConsolesAsync(anna, default);
        await b.DisconnectedAsync(anna, "tab-2", default);
        clock.Now = Start.AddSeconds(74);
        await SweepAsync(a, b);
        var withinGrace = await AgentAsync(db, anna);
        clock.Now = Start.AddSeconds(76);
        await SweepAsync(a, b);
        var afterGrace = await AgentAsync(db, anna);

        Assert.Equal(AgentPresence.Online, afterOneTab.Presence);
        Assert.Equal(1, consolesAfterOneTab);
        Assert.Equal(AgentPresence.Online, withinGrace.Presence);
        Assert.Equal((AgentPresence.Offline, Start.AddSeconds(76)), (afterGrace.Presence, afterGrace.PresenceChangedAt));
        // Going offline stops new chats; the chat the agent has stays theirs.
        Assert.Equal((HandoffStatus.Assigned, anna), ((await db.Desk.FindAsync(chat.Id, default))!.Status, (await db.Desk.FindAsync(chat.Id, default))!.AgentId));
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task The_consoles_of_an_instance_that_died_expire_and_their_agents_go_offline(DatabaseProvider provider)
    {
        var clock = new FixedClock(Start);
        await using var db = await DeskDatabase.CreateAsync(provider, clock: clock);
        var (a, b) = Instances(db, clock);
        var anna = await db.OnlineAgentAsync("Anna");
        var ben = await db.OnlineAgentAsync("Ben");
        await b.ConnectedAsync(anna, "anna-on-b", default);
        await a.ConnectedAsync(ben, "ben-on-a", default);

        // B stops renewing its rows (it died); A keeps sweeping.
        clock.Now = Start.AddSeconds(45);
        await a.SweepAsync(default);
        var beforeExpiry = await AgentAsync(db, anna);
        clock.Now = Start.AddSeconds(61);
        await a.SweepAsync(default);

        Assert.Equal(AgentPresence.Online, beforeExpiry.Presence);
        Assert.Equal(AgentPresence.Offline, (await AgentAsync(db, anna)).Presence);
        Assert.Equal(0, await a.OpenConsolesAsync(anna, default));
        Assert.Equal(AgentPresence.Online, (await AgentAsync(db, ben)).Presence);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_console_back_within_the_grace_period_or_one_released_by_a_stopping_instance_keeps_the_agent_online_meanwhile(DatabaseProvider provider)
    {
        var clock = new FixedClock(Start);
        await using var db = await DeskDatabase.CreateAsync(provider, clock: clock);
        var (a, b) = Instances(db, clock);
        var anna = await db.OnlineAgentAsync("Anna");
        var ben = await db.OnlineAgentAsync("Ben");
        await a.ConnectedAsync(anna, "reloading", default);
        await b.ConnectedAsync(ben, "on-stopping-instance", default);

        await a.DisconnectedAsync(anna, "reloading", default);
        clock.Now = Start.AddSeconds(10);
        await a.ConnectedAsync(anna, "reloaded", default);
        await b.ReleaseAsync(default);
        clock.Now = Start.AddSeconds(39);
        await a.SweepAsync(default);
        var benWithinGrace = await AgentAsync(db, ben);
        clock.Now = Start.AddSeconds(41);
        await a.SweepAsync(default);

        Assert.Equal(AgentPresence.Online, (await AgentAsync(db, anna)).Presence);
        Assert.Equal(AgentPresence.Online, benWithinGrace.Presence);
        Assert.Equal(AgentPresence.Offline, (await AgentAsync(db, ben)).Presence);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_sweep_assigns_what_changed_elsewhere(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider);
        var ben = await db.OnlineAgentAsync("Ben", capacity: 1);
        await db.Desk.RequestAsync(DeskDatabase.Request("first"), default);
        var waiting = await db.Desk.RequestAsync(DeskDatabase.Request("waiting"), default);
        await db.Desk.AssignWaitingAsync(default);
        // As the agents CLI does: the profile row changes, nothing routes.
        await using (var context = db.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext())
        {
            await context.Agents().Where(x => x.UserId == ben).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 2));
        }
        var before = (await db.Desk.FindAsync(waiting.Id, default))!.Status;

        await db.Services.GetRequiredService<AgentConnections>().SweepAsync(default);

        Assert.Equal(HandoffStatus.Queued, before);
        Assert.Equal(ben, (await db.Desk.FindAsync(waiting.Id, default))!.AgentId);
    }

    private static (AgentConnections A, AgentConnections B) Instances(DeskDatabase db, TimeProvider clock)
    {
        var s = db.Services;
        AgentConnections Instance(string id) => new(s.GetRequiredService<IDbContextFactory<BotDbContext>>(), db.Desk, s.GetRequiredService<IHandoffNotifier>(),
            s.GetRequiredService<IOptions<HandoffOptions>>(), clock, s.GetRequiredService<ILogger<AgentConnections>>(), id);
        return (Instance("instance-a"), Instance("instance-b"));
    }

    private static async Task SweepAsync(AgentConnections a, AgentConnections b)
    {
        await a.SweepAsync(default);
        await b.SweepAsync(default);
    }

    private static async Task<AgentRecord> AgentAsync(DeskDatabase db, string id) =>
        (await db.Agents.ListAsync(default)).Single(x => x.Agent.UserId == id).Agent;
}
