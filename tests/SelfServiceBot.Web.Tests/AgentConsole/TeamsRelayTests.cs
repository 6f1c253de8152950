using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Messages;

namespace SelfServiceBot.Web.Tests.AgentConsole;

/// <summary>A Teams customer (through /api/messages and a stand-in Bot Connector): the agent's words arrive through the connector.</summary>
public class TeamsRelayTests
{
    [Fact]
    public async Task An_agent_message_and_the_rating_question_reach_a_Teams_customer_through_the_connector()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        using var app = new AppServer(new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        using var client = app.CreateHttpClient();
        var agents = app.Services.GetRequiredService<AgentDirectory>();
        await agents.EnsureAsync("anna", "Anna", default);
        await agents.SetPresenceAsync("anna", AgentPresence.Online, default);
        var ask = ChannelRequests.Message(connector.ServiceUrl, "talk to a human");

        await ChannelRequests.PostAsync(client, ask, token: null);
        var desk = app.Services.GetRequiredService<HandoffDesk>();
        var handoff = Assert.Single(await desk.OpenAsync(default));
        await desk.ClaimAsync(handoff.Id, "anna", default);
        await desk.SendAgentMessageAsync(handoff.Id, "anna", "Hello from Anna", default);
        await desk.ResolveAsync(handoff.Id, "anna", new Disposition("other", true, null), default);

        var messages = connector.For(ask).Select(r => BotJson.Deserialize<Activity>(r.Body)!).Where(a => a.Type == ActivityTypes.Message).ToList();
        var texts = messages.Select(a => a.Text ?? "").ToList();
        Assert.Equal(Channels.MsTeams, handoff.ChannelId);
        // On Teams the place in line comes as an Adaptive Card with a Cancel button.
        Assert.Contains("next in line", messages[0].Attachments![0].Content!.Value.GetRawText());
        Assert.Contains("Anna has joined the chat and can see our conversation so far.", texts);
        Assert.Contains("Hello from Anna", texts);
        Assert.Equal("How would you rate the help you got, from 1 (poor) to 5 (excellent)?", texts[^1]);
    }
}
