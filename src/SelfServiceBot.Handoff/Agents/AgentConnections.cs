using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Agents;

/// <summary>
/// Agents' open consoles, over all their tabs and all app instances, in the database (table AgentConnections). An agent
/// stays present while any console is open: closing one tab changes nothing, closing the last one sets them offline after
/// <see cref="AgentPresenceOptions.GraceSeconds"/>. Each instance renews its own rows (heartbeat); the rows of an instance
/// that died stop being renewed and expire, so its agents go offline too.
/// </summary>
public sealed class AgentConnections
{
    private readonly IDbContextFactory<BotDbContext> _factory;
    private readonly HandoffDesk _desk;
    private readonly IHandoffNotifier _notifier;
    private readonly IOptions<HandoffOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<AgentConnections> _logger;

    public AgentConnections(IDbContextFactory<BotDbContext> factory, HandoffDesk desk, IHandoffNotifier notifier, IOptions<HandoffOptions> options,
        TimeProvider clock, ILogger<AgentConnections> logger)
        : this(factory, desk, notifier, options, clock, logger, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}")
    {
    }

    /// <param name="instanceId">This app instance (tests run two in one process).</param>
    internal AgentConnections(IDbContextFactory<BotDbContext> factory, HandoffDesk desk, IHandoffNotifier notifier, IOptions<HandoffOptions> options,
        TimeProvider clock, ILogger<AgentConnections> logger, string instanceId)
    {
        (_factory, _desk, _notifier, _options, _clock, _logger) = (factory, desk, notifier, options, clock, logger);
        InstanceId = instanceId.Length <= 128 ? instanceId : instanceId[^128..];
    }

    public string InstanceId { get; }

    private AgentPresenceOptions Presence => _options.Value.Presence;

    public async Task ConnectedAsync(string userId, string connectionId, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await using var db = _factory.CreateDbContext();
        db.AgentConnections().Add(new AgentConnectionRecord { ConnectionId = connectionId, UserId = userId, InstanceId = InstanceId, ConnectedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await db.Agents().Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSeenAt, now), cancellationToken);
    }

    /// <summary>A console closed. The agent's presence is left to <see cref="SweepAsync"/>: another console may be open, or this one may come back.</summary>
    public async Task DisconnectedAsync(string userId, string connectionId, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await using (var db = _factory.CreateDbContext())
        {
            await db.AgentConnections().Where(c => c.ConnectionId == connectionId).ExecuteDeleteAsync(cancellationToken);
            await db.Agents().Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSeenAt, now), cancellationToken);
        }
        if (Presence.GraceSeconds == 0)
        {
            await SetOfflineWithoutConsolesAsync(cancellationToken);
        }
    }

    public async Task<int> OpenConsolesAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = _factory.CreateDbContext();
        return await db.AgentConnections().CountAsync(c => c.UserId == userId, cancellationToken);
    }

    /// <summary>
    /// What every instance does each heartbeat: renew its own rows, remove rows that expired (their instance died), set
    /// offline the agents whose last console closed more than the grace period ago, then run assignment (a profile changed
    /// from the CLI, or anything else this instance did not see, takes effect).
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await using (var db = _factory.CreateDbContext())
        {
            await db.AgentConnections().Where(c => c.InstanceId == InstanceId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeenAt, now), cancellationToken);
            var expiredBefore = now - Presence.Expiry;
            var expired = await db.AgentConnections().AsNoTracking().Where(c => c.LastSeenAt < expiredBefore).ToListAsync(cancellationToken);
            foreach (var agent in expired.GroupBy(c => c.UserId))
            {
                // The grace period counts from when the dead instance last vouched for the console.
                var lastSeen = agent.Max(c => c.LastSeenAt);
                await db.Agents().Where(a => a.UserId == agent.Key && (a.LastSeenAt == null || a.LastSeenAt < lastSeen))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSeenAt, lastSeen), cancellationToken);
                _logger.LogInformation("Removed {Count} expired console connection(s) of agent {AgentId} (instance {InstanceId} stopped renewing them)",
                    agent.Count(), agent.Key, agent.First().InstanceId);
            }
            var ids = expired.Select(c => c.ConnectionId).ToList();
            if (ids.Count > 0)
            {
                await db.AgentConnections().Where(c => ids.Contains(c.ConnectionId) && c.LastSeenAt < expiredBefore).ExecuteDeleteAsync(cancellationToken);
            }
        }
        await SetOfflineWithoutConsolesAsync(cancellationToken);
        await _desk.AssignWaitingAsync(cancellationToken);
    }

    /// <summary>This instance is stopping: its consoles reconnect elsewhere within the grace period, or their agents go offline.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await using var db = _factory.CreateDbContext();
        var users = await db.AgentConnections().Where(c => c.InstanceId == InstanceId).Select(c => c.UserId).Distinct().ToListAsync(cancellationToken);
        await db.Agents().Where(a => users.Contains(a.UserId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSeenAt, now), cancellationToken);
        await db.AgentConnections().Where(c => c.InstanceId == InstanceId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task SetOfflineWithoutConsolesAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var graceBefore = now - Presence.Grace;
        List<string> gone;
        await using (var db = _factory.CreateDbContext())
        {
            // Only agents who had a console: presence set some other way (tests, tools) is not theirs to expire.
            gone = await db.Agents().AsNoTracking()
                .Where(a => a.Presence != AgentPresence.Offline && a.LastSeenAt != null && a.LastSeenAt <= graceBefore
                    && !db.AgentConnections().Any(c => c.UserId == a.UserId))
                .Select(a => a.UserId).ToListAsync(cancellationToken);
            foreach (var userId in gone.ToList())
            {
                // Again conditional: a console may have opened since the query.
                var changed = await db.Agents()
                    .Where(a => a.UserId == userId && a.Presence != AgentPresence.Offline && a.LastSeenAt <= graceBefore
                        && !db.AgentConnections().Any(c => c.UserId == userId))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Presence, AgentPresence.Offline).SetProperty(a => a.PresenceChangedAt, now), cancellationToken);
                if (changed == 0)
                {
                    gone.Remove(userId);
                }
            }
        }
        foreach (var userId in gone)
        {
            _logger.LogInformation("Agent {AgentId} is offline: no console open for {GraceSeconds} s", userId, Presence.GraceSeconds);
            await _notifier.PresenceChangedAsync(userId, AgentPresence.Offline, cancellationToken);
        }
        if (gone.Count > 0)
        {
            await _notifier.QueueChangedAsync(cancellationToken);
        }
    }
}
