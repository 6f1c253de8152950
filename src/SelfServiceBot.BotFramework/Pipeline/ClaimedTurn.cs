using Microsoft.Extensions.Logging;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// A turn that holds the claim on its activity: renews it while the turn runs (so a redelivery can tell this live worker
/// from a dead one), and records when the turn's replies went out (so a worker taking over after a crash does not send them
/// again). The reply side wraps the transport's sink.
/// </summary>
internal sealed class ClaimedTurn : IReplySink, IAsyncDisposable
{
    private readonly IReplySink _inner;
    private readonly IProcessedActivityStore _store;
    private readonly ActivityKey _key;
    private readonly string _holder;
    private readonly bool _repliesAlreadySent;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private int _unrecorded;
    private int _suppressed;

    public ClaimedTurn(IReplySink inner, IProcessedActivityStore store, ActivityKey key, string holder, bool repliesAlreadySent,
        TimeSpan lease, TimeProvider clock, ILogger logger)
    {
        (_inner, _store, _key, _holder, _repliesAlreadySent, _logger) = (inner, store, key, holder, repliesAlreadySent, logger);
        _renewing = RenewAsync(lease / 3, clock);
    }

    public Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (_repliesAlreadySent)
        {
            // The crashed holder recorded these as delivered: the customer has them. The turn runs again for its events only.
            return Task.FromResult<string?>(activity.Id ??= $"{_key.ActivityId}:replayed-{Interlocked.Increment(ref _suppressed)}");
        }
        if (activity.Type != ActivityTypes.Typing && _inner.RecordsDelivery)
        {
            Interlocked.Increment(ref _unrecorded);
        }
        return _inner.SendAsync(activity, cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _inner.FlushAsync(cancellationToken);
        if (Interlocked.Exchange(ref _unrecorded, 0) > 0)
        {
            await _store.RecordRepliedAsync(_key, _holder, cancellationToken);
        }
    }

    public bool RecordsDelivery => _inner.RecordsDelivery;

    private async Task RenewAsync(TimeSpan every, TimeProvider clock)
    {
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (!await _store.RenewAsync(_key, _holder, _stop.Token))
                {
                    // Completed a moment ago, or taken over by a redelivery that thought this worker dead (it will not renew again).
                    _logger.LogInformation("The claim on {ActivityKey} is no longer this worker's to renew", _key);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The turn goes on; at worst a redelivery takes it over and events are deduplicated by their keys.
            _logger.LogWarning(ex, "Could not renew the claim on {ActivityKey}", _key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
    }
}
