using Microsoft.Extensions.Logging;

namespace SelfServiceBot.AI.Chat.Safety;

/// <summary>
/// Stops calling an endpoint that keeps failing: after <c>Failures</c> failed or timed-out calls in a row the breaker
/// opens and every call returns <see cref="ChatOutcome.CircuitOpen"/> at once, without a request, for <c>BreakSeconds</c>;
/// then one trial call goes through (half-open): its success closes the breaker, its failure opens it again. Each
/// instance keeps its own breaker (a few wasted calls per instance are cheaper than sharing state across instances).
/// </summary>
internal sealed partial class CircuitBreakerChatModel(IChatModel inner, ChatCircuitBreakerOptions options, TimeProvider time, ILogger logger)
    : IChatModel
{
    private readonly Lock _gate = new();
    private int _failuresInARow;
    private DateTimeOffset? _openUntil;
    private bool _trialInFlight;

    public string Model => inner.Model;

    public async Task<ChatModelReply> CompleteAsync(IReadOnlyList<ChatTurn> messages, CancellationToken cancellationToken)
    {
        if (options.Failures == 0)
        {
            return await inner.CompleteAsync(messages, cancellationToken);
        }
        if (!TryEnter(out var trial, out var openUntil))
        {
            return new ChatModelReply(ChatOutcome.CircuitOpen, "", 0, 0, TimeSpan.Zero,
                $"Not called: the model failed {options.Failures} times in a row; the circuit breaker lets a trial call through at {openUntil:u}.");
        }
        var completed = false;
        try
        {
            var reply = await inner.CompleteAsync(messages, cancellationToken);
            Record(reply.Outcome is ChatOutcome.TimedOut or ChatOutcome.Failed, trial);
            completed = true;
            return reply;
        }
        finally
        {
            if (!completed && trial)
            {
                // The caller gave up (or the call threw): the trial proved nothing, so the next call may try again.
                lock (_gate)
                {
                    _trialInFlight = false;
                }
            }
        }
    }

    private bool TryEnter(out bool trial, out DateTimeOffset openUntil)
    {
        lock (_gate)
        {
            trial = false;
            openUntil = _openUntil ?? default;
            if (_openUntil is null)
            {
                return true;
            }
            if (time.GetUtcNow() < _openUntil || _trialInFlight)
            {
                return false;
            }
            _trialInFlight = trial = true;
            return true;
        }
    }

    private void Record(bool failed, bool trial)
    {
        lock (_gate)
        {
            if (trial)
            {
                _trialInFlight = false;
            }
            if (!failed)
            {
                if (_openUntil is not null)
                {
                    LogClosed(Model);
                }
                _failuresInARow = 0;
                _openUntil = null;
                return;
            }
            _failuresInARow++;
            // A failed trial opens it again at once; a call that was already in flight when it opened changes nothing.
            if (trial || (_openUntil is null && _failuresInARow >= options.Failures))
            {
                _openUntil = time.GetUtcNow().AddSeconds(options.BreakSeconds);
                LogOpened(Model, _failuresInARow, options.BreakSeconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chat model {Model} failed {Failures} times in a row: not calling it for {BreakSeconds} s")]
    private partial void LogOpened(string model, int failures, int breakSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The chat model {Model} answered again: calling it as usual")]
    private partial void LogClosed(string model);
}
