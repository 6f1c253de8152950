using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.Contracts.Events;

namespace SelfServiceBot.AI.Tests.Chat.Safety;

/// <summary>
/// The breaker over real HTTP on a fake clock: it opens after the configured failures in a row, answers at once without a
/// request while open, lets one trial through after the break, and closes on its success or opens again on its failure.
/// </summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private static readonly ChatTurn[] Prompt = [new(ChatRole.System, "Say ok."), new(ChatRole.User, "ping")];

    private ChatCompletionsStub _stub = null!;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _stub = await ChatCompletionsStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private IChatModel Model() => SafeModels.At(_stub, _clock, configure: o =>
    {
        o.CircuitBreaker.Failures = 3;
        o.CircuitBreaker.BreakSeconds = 60;
    });

    [Fact]
    public async Task Three_failures_in_a_row_open_it_then_calls_return_at_once_without_a_request()
    {
        _stub.Reply(new StubReply("", Status: 500));
        var model = Model();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ChatOutcome.Failed, (await model.CompleteAsync(Prompt, CancellationToken.None)).Outcome);
        }
        var skipped = await model.CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal((ChatOutcome.CircuitOpen, "", 0, 0, TimeSpan.Zero), (skipped.Outcome, skipped.Text, skipped.InputTokens, skipped.OutputTokens, skipped.Elapsed));
        Assert.Contains("circuit breaker", skipped.Error, StringComparison.Ordinal);
        Assert.Equal(3, _stub.Requests.Count);
    }

    [Fact]
    public async Task A_success_resets_the_count_so_only_failures_in_a_row_open_it()
    {
        _stub.Reply(new StubReply("", Status: 500), new StubReply("", Status: 500), new StubReply("ok"),
            new StubReply("", Status: 500), new StubReply("", Status: 500), new StubReply("ok"));
        var model = Model();

        var outcomes = new List<ChatOutcome>();
        for (var i = 0; i < 6; i++)
        {
            outcomes.Add((await model.CompleteAsync(Prompt, CancellationToken.None)).Outcome);
        }

        Assert.DoesNotContain(ChatOutcome.CircuitOpen, outcomes);
        Assert.Equal(6, _stub.Requests.Count);
    }

    [Fact]
    public async Task After_the_break_one_trial_goes_through_and_its_success_closes_it()
    {
        _stub.Reply(new StubReply("", Status: 500), new StubReply("", Status: 500), new StubReply("", Status: 500), new StubReply("back"));
        var model = Model();
        for (var i = 0; i < 3; i++)
        {
            await model.CompleteAsync(Prompt, CancellationToken.None);
        }

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(ChatOutcome.CircuitOpen, (await model.CompleteAsync(Prompt, CancellationToken.None)).Outcome);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var trial = await model.CompleteAsync(Prompt, CancellationToken.None);
        var after = await model.CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal((ChatOutcome.Completed, "back"), (trial.Outcome, trial.Text));
        Assert.Equal(ChatOutcome.Completed, after.Outcome);
        Assert.Equal(5, _stub.Requests.Count);
    }

    [Fact]
    public async Task A_failed_trial_opens_it_again_for_another_break()
    {
        _stub.Reply(new StubReply("", Status: 500));
        var model = Model();
        for (var i = 0; i < 3; i++)
        {
            await model.CompleteAsync(Prompt, CancellationToken.None);
        }
        _clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(ChatOutcome.Failed, (await model.CompleteAsync(Prompt, CancellationToken.None)).Outcome);
        Assert.Equal(ChatOutcome.CircuitOpen, (await model.CompleteAsync(Prompt, CancellationToken.None)).Outcome);
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(ChatOutcome.Failed, (await model.CompleteAsync(Prompt, CancellationToken.None)).Outcome);
        Assert.Equal(5, _stub.Requests.Count);
    }

    [Fact]
    public async Task Timeouts_count_as_failures()
    {
        _stub.Reply(new StubReply("too late", Delay: TimeSpan.FromMinutes(5)));
        var model = Model();

        for (var i = 0; i < 3; i++)
        {
            var call = model.CompleteAsync(Prompt, CancellationToken.None);
            await _stub.WaitForRequestAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            _clock.Advance(TimeSpan.FromSeconds(8));
            Assert.Equal(ChatOutcome.TimedOut, (await call.WaitAsync(TimeSpan.FromSeconds(5))).Outcome);
        }

        Assert.Equal(ChatOutcome.CircuitOpen, (await model.CompleteAsync(Prompt, CancellationToken.None)).Outcome);
        Assert.Equal(3, _stub.Requests.Count);
    }

    [Fact]
    public async Task Zero_failures_turns_it_off()
    {
        _stub.Reply(new StubReply("", Status: 500));
        var model = SafeModels.At(_stub, _clock, configure: o => o.CircuitBreaker.Failures = 0);

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(ChatOutcome.Failed, (await model.CompleteAsync(Prompt, CancellationToken.None)).Outcome);
        }
        Assert.Equal(8, _stub.Requests.Count);
    }

    [Fact]
    public void A_call_the_open_breaker_skipped_is_recorded_as_skipped_with_no_tokens()
    {
        var data = ModelCallData.For(ModelFeatures.FollowUp, "support-chat",
            new ChatModelReply(ChatOutcome.CircuitOpen, "", 0, 0, TimeSpan.Zero, "Not called"));

        Assert.Equal((ModelCallOutcomes.Skipped, 0, 0, 0L),
            (data[EventDataKeys.Outcome], data[EventDataKeys.InputTokens], data[EventDataKeys.OutputTokens], data[EventDataKeys.ElapsedMilliseconds]));
    }
}
