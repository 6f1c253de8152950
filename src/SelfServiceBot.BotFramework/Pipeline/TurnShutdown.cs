using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// The token of a turn that no request may cancel (Direct Line runs a turn to its end even if the client hangs up).
/// That was ApplicationStopping, which cancelled every turn in flight the moment the host was asked to stop (SIGTERM at a
/// deploy or a scale-in): the customer's message was stored, the answer never came and the post failed. This token fires
/// only when most of the host's shutdown timeout (<see cref="HostOptions.ShutdownTimeout"/>) has passed: the server stops
/// taking requests, the turns in flight finish and are stored, and a turn that hangs still lets the process exit in time.
/// </summary>
public sealed class TurnShutdown : IDisposable
{
    /// <summary>The share of the shutdown timeout turns may use; the rest is for their error handling and the host's own stop.</summary>
    public const double GraceShare = 0.8;

    private readonly CancellationTokenSource _cancel = new();
    private readonly CancellationTokenRegistration _stopping;
    private ITimer? _timer;

    public TurnShutdown(IHostApplicationLifetime lifetime, IOptions<HostOptions> host, TimeProvider clock)
    {
        var grace = host.Value.ShutdownTimeout * GraceShare;
        _stopping = lifetime.ApplicationStopping.Register(() =>
            _timer = clock.CreateTimer(static cancel => Cancel((CancellationTokenSource)cancel!), _cancel, grace, Timeout.InfiniteTimeSpan));
    }

    public CancellationToken Token => _cancel.Token;

    private static void Cancel(CancellationTokenSource cancel)
    {
        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The host was disposed first: nothing left to cancel.
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _timer?.Dispose();
        _cancel.Dispose();
    }
}
