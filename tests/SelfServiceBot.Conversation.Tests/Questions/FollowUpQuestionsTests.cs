using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.AI.FollowUps;
using SelfServiceBot.AI.Tests.Chat;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Privacy;
using SelfServiceBot.Conversation.Tests.Infrastructure;

namespace SelfServiceBot.Conversation.Tests.Questions;

/// <summary>
/// What the conversation keeps for follow-ups: nothing at all without a model; with one, the last three exchanges of the
/// current contact, so the rewriter never sees older ones and a restart starts from none (the model at the local stub).
/// </summary>
public sealed class FollowUpQuestionsTests : IAsyncLifetime
{
    private ChatCompletionsStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await ChatCompletionsStub.StartAsync();
        // Every message stands alone: the rewriter gives it back as written.
        _stub.Respond(request =>
        {
            var user = request.Messages[1].Content;
            var start = user.LastIndexOf("<message>", StringComparison.Ordinal) + "<message>".Length;
            return new StubReply(user[start..user.LastIndexOf("</message>", StringComparison.Ordinal)].Trim());
        });
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Without_a_model_nothing_is_kept_for_follow_ups_and_no_call_is_recorded()
    {
        await using var host = await ConversationTestHost.StartAsync();
        var flow = host.Flow();

        await flow.Send("How much does delivery cost?").Send("and for furniture?").StartTestAsync();

        Assert.DoesNotContain("recentExchanges", (await host.StateAsync(flow.ChannelId, flow.ConversationId))!.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await host.EventsAsync(flow.ConversationId), e => e.Type == ConversationEventTypes.ModelCalled);
    }

    [Fact]
    public async Task The_rewriter_sees_the_last_three_exchanges_of_the_contact_and_none_after_a_restart()
    {
        await using var host = await ConversationTestHost.StartAsync(services => services.AddSingleton(new FollowUpRewriter(Model())));
        var flow = host.Flow();

        await flow.Send("How much does delivery cost?").Send("How long does delivery take?").Send("Do you ship to Germany?")
            .Send("How do I return an item?").Send("Where is my order?")
            .Send("restart").Send("How do I change my password?").StartTestAsync();

        Assert.Equal(4, _stub.Requests.Count);
        var last = _stub.Requests.Last().Messages[1].Content;
        Assert.DoesNotContain("How much does delivery cost?", last, StringComparison.Ordinal);
        Assert.Contains("<customer>\nHow long does delivery take?\n</customer>", last.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("How do I return an item?", last, StringComparison.Ordinal);
        Assert.EndsWith("<message>\nWhere is my order?\n</message>", last.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var events = await host.EventsAsync(flow.ConversationId);
        Assert.Equal(4, events.Count(e => e.Type == ConversationEventTypes.ModelCalled));
        Assert.DoesNotContain(events, e => e.DataJson?.Contains(EventDataKeys.Rewritten, StringComparison.Ordinal) == true);
    }

    private IChatModel Model() => new ChatModelFactory(
        Options.Create(new ChatOptions { Provider = ChatProvider.OpenAICompatible, Endpoint = _stub.Address + "/v1", Model = "llama3.1" }),
        TimeProvider.System, NullLoggerFactory.Instance, new NoMasking()).Model!;

    private sealed class NoMasking : IOutboundTextMasker
    {
        public string Mask(string text) => text;
    }
}
