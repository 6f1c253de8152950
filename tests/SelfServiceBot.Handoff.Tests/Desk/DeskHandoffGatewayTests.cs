using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Tests.Infrastructure;

namespace SelfServiceBot.Handoff.Tests.Desk;

/// <summary>The conversation's port as AddHandoff registers it: the desk's hand-offs, seen through the port's own records.</summary>
public class DeskHandoffGatewayTests
{
    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_request_through_the_port_waits_in_the_desk_and_the_port_reports_its_state_and_place(DatabaseProvider provider)
    {
        await using var db = await DeskDatabase.CreateAsync(provider, new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        var port = db.Services.GetRequiredService<IHandoffGateway>();
        var anna = await db.OnlineAgentAsync("Anna");
        var first = await port.RequestAsync(DeskDatabase.Request("port-1", category: "orders"), default);
        var second = await port.RequestAsync(DeskDatabase.Request("port-2", category: "orders"), default);

        var state = (await port.FindAsync(second.Id, default))!;
        var record = (await db.Desk.FindAsync(second.Id, default))!;
        Assert.Equal((record.Id, record.Reference, "queued", "orders/en", record.Priority, (string?)null, false),
            (state.Id, state.Reference, state.Status, state.Queue, state.Priority, state.AgentId, state.RatingPending));
        var (position, minutes) = await db.Desk.PositionAsync(record, default);
        Assert.Equal(new HandoffPosition(position, minutes), await port.PositionAsync(state, default));
        Assert.Equal(2, position);

        Assert.True(await db.Desk.ClaimAsync(first.Id, anna, default));
        var assigned = (await port.FindAsync(first.Id, default))!;
        Assert.Equal(("assigned", anna), (assigned.Status, assigned.AgentId));
        await port.AddCustomerMessageAsync(assigned, "It's order 1234", default);
        Assert.Equal(["It's order 1234"], (await db.Desk.MessagesAsync(first.Id, default)).Where(m => m.From == "customer").Select(m => m.Text));

        Assert.True(await port.CancelAsync(second.Id, default));
        Assert.Equal("cancelled", (await port.FindAsync(second.Id, default))!.Status);
        Assert.Null(await port.FindAsync(second.Id + 1000, default));
    }

    [Fact]
    public async Task Only_the_configured_hub_is_the_external_hub()
    {
        await using var db = await DeskDatabase.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Handoff:Mode"] = "External", ["Handoff:ExternalHubIds:0"] = "agent-hub",
        });
        var port = db.Services.GetRequiredService<IHandoffGateway>();

        Assert.Equal((true, false, false), (port.IsExternalHub("agent-hub"), port.IsExternalHub("Agent-Hub"), port.IsExternalHub("user1")));
    }
}
