using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Handoff.Tests.Infrastructure;

namespace SelfServiceBot.Handoff.Tests.Agents;

/// <summary>Changing an agent's skills, languages or capacity routes at once; a bad profile changes nothing.</summary>
public class AgentProfileTests
{
    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_waiting_chat_is_assigned_as_soon_as_an_online_agent_gains_its_skill(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider);
        // Ben can take billing but is full, so the billing chat waits; Anna is online for orders only.
        var ben = await db.OnlineAgentAsync("Ben", skills: "billing", capacity: 1);
        var anna = await db.OnlineAgentAsync("Anna", skills: "orders");
        var first = await db.Desk.RequestAsync(DeskDatabase.Request("first", category: "billing"), default);
        var waiting = await db.Desk.RequestAsync(DeskDatabase.Request("waiting", category: "billing"), default);
        await db.Desk.AssignWaitingAsync(default);
        var before = (await db.Desk.FindAsync(waiting.Id, default))!.Status;

        await db.Agents.UpdateProfileAsync(anna, "Anna", new AgentProfile(["orders", "billing"], ["en"], 3), default);
        var after = (await db.Desk.FindAsync(waiting.Id, default))!;

        Assert.Equal(ben, (await db.Desk.FindAsync(first.Id, default))!.AgentId);
        Assert.Equal(HandoffStatus.Queued, before);
        Assert.Equal((HandoffStatus.Assigned, anna), (after.Status, after.AgentId));
        Assert.Equal("Anna has joined the chat and can see our conversation so far.", db.Sent.To("waiting")[^1].Text);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_waiting_chat_is_assigned_as_soon_as_a_full_agent_gets_more_capacity(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider);
        var ben = await db.OnlineAgentAsync("Ben", capacity: 1);
        await db.Desk.RequestAsync(DeskDatabase.Request("first"), default);
        var waiting = await db.Desk.RequestAsync(DeskDatabase.Request("waiting"), default);
        await db.Desk.AssignWaitingAsync(default);
        var before = (await db.Desk.FindAsync(waiting.Id, default))!.Status;

        await db.Agents.UpdateProfileAsync(ben, "Ben", new AgentProfile(["*"], ["en", "zh-CN"], 2), default);

        Assert.Equal(HandoffStatus.Queued, before);
        Assert.Equal(ben, (await db.Desk.FindAsync(waiting.Id, default))!.AgentId);
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_profile_the_agent_never_had_is_created_and_list_spellings_are_made_canonical(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider);

        await db.Agents.UpdateProfileAsync("agent-new", "New Agent", new AgentProfile(["orders", "Orders", "returns"], ["ZH-cn", "en"], 5), default);
        var (agent, load) = Assert.Single(await db.Agents.ListAsync(default));

        Assert.Equal(("agent-new", "New Agent", "orders,returns", "en,zh-CN", 5, AgentPresence.Offline, 0),
            (agent.UserId, agent.DisplayName, agent.Skills, agent.Languages, agent.Capacity, agent.Presence, load));
    }

    [Theory]
    [InlineData(0, "en", AgentProfileField.Capacity, AgentProfileProblem.OutOfRange)]
    [InlineData(21, "en", AgentProfileField.Capacity, AgentProfileProblem.OutOfRange)]
    [InlineData(3, "fr", AgentProfileField.Languages, AgentProfileProblem.Unknown)]
    [InlineData(3, "", AgentProfileField.Languages, AgentProfileProblem.Missing)]
    public async Task A_bad_profile_is_refused_with_the_field_and_the_agent_keeps_the_old_one(int capacity, string languages, AgentProfileField field, AgentProfileProblem problem)
    {
        await using var db = await DeskDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var anna = await db.OnlineAgentAsync("Anna", skills: "orders", capacity: 2);

        var refused = await Assert.ThrowsAsync<AgentProfileException>(() =>
            db.Agents.UpdateProfileAsync(anna, "Anna", new AgentProfile(["billing"], AgentProfile.ParseList(languages), capacity), default));
        var (agent, _) = Assert.Single(await db.Agents.ListAsync(default));

        Assert.Equal((field, problem), (Assert.Single(refused.Errors).Field, refused.Errors[0].Problem));
        Assert.Equal(("orders", 2), (agent.Skills, agent.Capacity));
    }

    [Fact]
    public void Unknown_skills_are_named_and_the_star_is_always_allowed()
    {
        var profile = new AgentProfile(["*", "orders", "gardening"], ["en"], 3);

        var errors = profile.Check(["orders", "billing"]);

        Assert.Equal([new AgentProfileError(AgentProfileField.Skills, AgentProfileProblem.Unknown, "gardening")], errors);
    }
}
