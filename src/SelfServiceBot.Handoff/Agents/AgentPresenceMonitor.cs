using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Handoff.Agents;

/// <summary>Runs <see cref="AgentConnections.SweepAsync"/> every heartbeat on each instance; on a clean stop, hands its consoles over.</summary>
internal sealed partial class AgentPresenceMonitor(AgentConnections connections, IOptions<HandoffOptions> options, TimeProvider clock, ILogger<AgentPresenceMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Presence.Heartbeat, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await connections.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next heartbeat tries again; a row left unrenewed for a while only expires later.
                LogSweepFailed(ex);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Not the host's token: it is cancelled when open consoles hold the shutdown up, which is exactly when their rows
        // should be handed over. A few seconds at most, and never an error that fails the stop.
        using var release = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await connections.ReleaseAsync(release.Token);
        }
        catch (Exception ex)
        {
            // Then the rows expire like a crashed instance's.
            LogReleaseFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent presence sweep failed")]
    private partial void LogSweepFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release this instance's agent consoles at stop; they expire instead")]
    private partial void LogReleaseFailed(Exception ex);
}
