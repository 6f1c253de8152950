using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Tests.Infrastructure;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>
/// The bot with a stand-in behind its hand-off port and no desk at all: whatever it knows, asks and relays about a
/// hand-off goes through IHandoffGateway, and what it tells the customer comes from the port's answers.
/// </summary>
public sealed class HandoffPortTests : IAsyncLifetime
{
    private readonly RecordingGateway _port = new();
    private ConversationTestHost? _host;

    private ConversationTestHost Host => _host!;

    public async Task InitializeAsync() => _host = await ConversationTestHost.StartAsync(handoffs: _port);

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    [Fact]
    public async Task A_request_for_a_person_reaches_the_port_with_what_the_bot_knows_and_the_customer_hears_the_ports_place_in_line()
    {
        var flow = Host.Flow(Channels.WebChat, "en-US");
        await flow.Send("talk to a human")
            .AssertReplyMatches(@"^I'm connecting you with a person\. You're number 4 in line, about 9 minutes\.")
            .StartTestAsync();

        var request = Assert.Single(_port.Requests);
        Assert.Equal((Channels.WebChat, flow.ConversationId, TestFlow.UserId, "User", "en", HandoffReasons.ExplicitRequest, "talk to a human"),
            (request.ChannelId, request.ConversationId, request.UserId, request.UserName, request.Locale, request.Reason, request.LastCustomerText));
        var reference = JsonSerializer.Deserialize<ConversationReference>(request.ConversationReferenceJson, BotJson.Options)!;
        Assert.Equal((flow.ConversationId, Channels.WebChat), (reference.Conversation!.Id, reference.ChannelId));
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(request.TranscriptJson).RootElement.ValueKind);
        // After the place-in-line reply, so an agent joining never arrives before it.
        Assert.Equal(1, _port.AssignWaitingCalls);
    }

    [Fact]
    public async Task While_waiting_the_customers_messages_go_to_the_port_and_cancel_cancels_there()
    {
        var flow = Host.Flow(Channels.WebChat, "en-US");
        await flow.Send("talk to a human").AssertReplyMatches("number 4 in line")
            .Send("It's about order 1234").AssertReplyMatches(@"^I'm connecting you with a person\. You're next in line, about 2 minutes\.")
            .Send("cancel").AssertReplyMatches("^OK, I've cancelled the request")
            .StartTestAsync();

        Assert.Equal([(RecordingGateway.Id, "It's about order 1234")], _port.CustomerMessages);
        Assert.Equal([RecordingGateway.Id], _port.Cancelled);
    }

    [Fact]
    public async Task The_customer_typing_is_passed_to_the_port()
    {
        var flow = Host.Flow(Channels.WebChat, "en-US");
        await flow.Send(flow.NewActivity(ActivityTypes.Typing, _ => { })).AssertNoReply().StartTestAsync();

        Assert.Equal([(Channels.WebChat, flow.ConversationId)], _port.Typing);
    }

    /// <summary>A desk that queues every request at place 4 and keeps what it was asked.</summary>
    private sealed class RecordingGateway : IHandoffGateway
    {
        public const long Id = 41;
        private string _status = "queued";

        public List<NewHandoff> Requests { get; } = [];
        public List<(long, string)> CustomerMessages { get; } = [];
        public List<long> Cancelled { get; } = [];
        public List<(string, string)> Typing { get; } = [];
        public int AssignWaitingCalls { get; private set; }

        private HandoffState State => new(Id, "H-PORT4", _status, "general/en", 0, null, false);

        public Task<HandoffPlacement> RequestAsync(NewHandoff request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HandoffPlacement(Id, "H-PORT4", _status, "general/en", 4, 9, false));
        }

        public Task<HandoffState?> FindAsync(long handoffId, CancellationToken cancellationToken) =>
            Task.FromResult<HandoffState?>(handoffId == Id && Requests.Count > 0 ? State : null);

        public Task<HandoffPosition> PositionAsync(HandoffState handoff, CancellationToken cancellationToken) =>
            Task.FromResult(new HandoffPosition(1, 2));

        public Task AssignWaitingAsync(CancellationToken cancellationToken)
        {
            AssignWaitingCalls++;
            return Task.CompletedTask;
        }

        public Task AddCustomerMessageAsync(HandoffState handoff, string text, CancellationToken cancellationToken)
        {
            CustomerMessages.Add((handoff.Id, text));
            return Task.CompletedTask;
        }

        public Task CustomerTypingAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        {
            Typing.Add((channelId, conversationId));
            return Task.CompletedTask;
        }

        public Task<bool> CancelAsync(long handoffId, CancellationToken cancellationToken)
        {
            Cancelled.Add(handoffId);
            _status = "cancelled";
            return Task.FromResult(true);
        }

        public Task<bool> RateAsync(long handoffId, int score, CancellationToken cancellationToken) => Task.FromResult(false);
        public Task SkipRatingAsync(long handoffId, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task SetContactDetailsAsync(long handoffId, string contact, CancellationToken cancellationToken) => Task.CompletedTask;
        public bool IsExternalHub(string fromId) => false;
        public Task<HandoffState?> ExternalStatusAsync(long handoffId, string state, CancellationToken cancellationToken) => Task.FromResult<HandoffState?>(null);
    }
}
