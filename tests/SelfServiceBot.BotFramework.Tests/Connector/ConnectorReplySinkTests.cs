using SelfServiceBot.BotFramework.Connector;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Tests.Connector;

public sealed class ConnectorReplySinkTests : IAsyncLifetime
{
    private readonly ConnectorHarness _h = new();

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task A_reply_goes_to_the_reply_route_and_a_proactive_message_to_the_send_route()
    {
        using var services = _h.Services();
        await _h.TrustAsync(services, "c1");
        var sink = new ConnectorReplySink(ConnectorHarness.Client(services));
        var reply = Activities.Reply(_h.Connector.ServiceUrl, "c1");
        var proactive = Activities.Reply(_h.Connector.ServiceUrl, "c1");
        proactive.ReplyToId = null;

        var replyId = await sink.SendAsync(reply, default);
        await sink.SendAsync(proactive, default);

        Assert.Equal("/v3/conversations/c1/activities/inbound-1", _h.Connector.Requests[0].Path);
        Assert.Equal("/v3/conversations/c1/activities", _h.Connector.Requests[1].Path);
        Assert.Equal("activity-1", replyId);
    }

    [Fact]
    public async Task Trace_activities_reach_only_the_emulator()
    {
        using var services = _h.Services(appId: "");
        var sink = new ConnectorReplySink(ConnectorHarness.Client(services));
        var teamsTrace = Activities.Reply(_h.Connector.ServiceUrl, "c1");
        teamsTrace.Type = ActivityTypes.Trace;
        var emulatorTrace = Activities.Inbound(_h.Connector.ServiceUrl, "c2", Channels.Emulator).CreateReply();
        emulatorTrace.Type = ActivityTypes.Trace;

        await sink.SendAsync(teamsTrace, default);
        await sink.SendAsync(emulatorTrace, default);

        Assert.StartsWith("/v3/conversations/c2/", Assert.Single(_h.Connector.Requests).Path);
    }
}
