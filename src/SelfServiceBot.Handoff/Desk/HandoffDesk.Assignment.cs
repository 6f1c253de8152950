using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Diagnostics;
using SelfServiceBot.Handoff.Routing;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Desk;

/// <summary>Agents take chats (by hand or by automatic assignment), pass them on, and write to the customer.</summary>
public sealed partial class HandoffDesk
{
    /// <summary>
    /// An agent takes a waiting chat. One conditional UPDATE (status still queued): when two agents claim at once,
    /// exactly one row changes and exactly one wins; the other gets false. A claim by hand is not held to the capacity.
    /// </summary>
    public Task<bool> ClaimAsync(long handoffId, string agentId, CancellationToken cancellationToken) =>
        ClaimAsync(handoffId, agentId, withinCapacity: false, cancellationToken);

    /// <param name="withinCapacity">
    /// Automatic assignment: only while the agent is online with fewer chats than their capacity. The agent's row is taken
    /// first, so two assignments to the same agent at once (two hand-offs, two instances) run one after the other and the
    /// second counts the first's chat; on SQLite the transaction holds the write lock anyway.
    /// </param>
    private async Task<bool> ClaimAsync(long handoffId, string agentId, bool withinCapacity, CancellationToken cancellationToken)
    {
        using var span = HandoffTelemetry.Source.StartActivity(HandoffTelemetry.AssignSpan);
        span?.SetTag(HandoffTelemetry.IdAttribute, handoffId);
        span?.SetTag(HandoffTelemetry.AutomaticAttribute, withinCapacity);
        var now = clock.GetUtcNow();
        int changed;
        await using (var db = factory.CreateDbContext())
        {
            await using var transaction = withinCapacity ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var claimed = db.HandoffRequests().Where(h => h.Id == handoffId && h.Status == HandoffStatus.Queued);
            if (withinCapacity)
            {
                await db.Agents().Where(a => a.UserId == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Capacity, a => a.Capacity), cancellationToken);
                claimed = claimed.Where(h => db.Agents().Any(a => a.UserId == agentId && a.Presence == AgentPresence.Online
                    && db.HandoffRequests().Count(o => o.Status == HandoffStatus.Assigned && o.AgentId == agentId) < a.Capacity));
            }
            changed = await claimed.ExecuteUpdateAsync(s => s
                .SetProperty(h => h.Status, HandoffStatus.Assigned)
                .SetProperty(h => h.AgentId, agentId)
                .SetProperty(h => h.AssignedAt, now)
                .SetProperty(h => h.FirstAssignedAt, h => h.FirstAssignedAt ?? now)
                .SetProperty(h => h.Assignments, h => h.Assignments + 1), cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        span?.SetTag(HandoffTelemetry.AssignedAttribute, changed > 0);
        if (changed == 0)
        {
            return false;
        }
        await AssignedAsync(handoffId, agentId, cancellationToken);
        return true;
    }

    /// <summary>Called when a pass has read the waiting chats and the agents' loads, before it assigns; tests hold passes here.</summary>
    internal Func<Task>? AfterReadingLoads { get; set; }

    /// <summary>
    /// Gives waiting chats (highest priority, then oldest first) to the least-busy eligible online agent. The loads read
    /// here choose the agent; the claim itself checks the agent's capacity again.
    /// </summary>
    public async Task AssignWaitingAsync(CancellationToken cancellationToken)
    {
        if (!Options.AutoAssign)
        {
            return;
        }
        List<HandoffRequestRecord> waiting;
        List<AgentRecord> agents;
        Dictionary<string, int> load;
        await using (var db = factory.CreateDbContext())
        {
            waiting = await db.HandoffRequests().AsNoTracking().Where(h => h.Status == HandoffStatus.Queued)
                .OrderByDescending(h => h.Priority).ThenBy(h => h.Id).Take(100).ToListAsync(cancellationToken);
            if (waiting.Count == 0)
            {
                return;
            }
            agents = await db.Agents().AsNoTracking().Where(a => a.Presence == AgentPresence.Online).ToListAsync(cancellationToken);
            load = await LoadsAsync(db, cancellationToken);
        }
        if (AfterReadingLoads is { } hook)
        {
            await hook();
        }
        foreach (var handoff in waiting)
        {
            var agent = agents
                .Where(a => QueueRouter.CanServe(a, handoff.Queue) && load.GetValueOrDefault(a.UserId) < a.Capacity)
                .OrderBy(a => (double)load.GetValueOrDefault(a.UserId) / Math.Max(1, a.Capacity))
                .ThenBy(a => load.GetValueOrDefault(a.UserId))
                .FirstOrDefault();
            if (agent is null)
            {
                continue;
            }
            if (await ClaimAsync(handoff.Id, agent.UserId, withinCapacity: true, cancellationToken))
            {
                load[agent.UserId] = load.GetValueOrDefault(agent.UserId) + 1;
            }
            else
            {
                // Taken by someone else meanwhile, or the agent filled up: the next chat sees the agent's load as it is now.
                await using var db = factory.CreateDbContext();
                load[agent.UserId] = await db.HandoffRequests().CountAsync(h => h.Status == HandoffStatus.Assigned && h.AgentId == agent.UserId, cancellationToken);
            }
        }
    }

    /// <summary>Back into a (possibly other) queue, e.g. billing/zh-CN; the customer is told they are being passed on.</summary>
    public async Task<bool> TransferToQueueAsync(long handoffId, string agentId, string queue, CancellationToken cancellationToken)
    {
        await using (var db = factory.CreateDbContext())
        {
            var changed = await db.HandoffRequests()
                .Where(h => h.Id == handoffId && h.Status == HandoffStatus.Assigned && h.AgentId == agentId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(h => h.Status, HandoffStatus.Queued)
                    .SetProperty(h => h.Queue, queue)
                    .SetProperty(h => h.AgentId, (string?)null)
                    .SetProperty(h => h.QueueEntries, h => h.QueueEntries + 1), cancellationToken);
            if (changed == 0)
            {
                return false;
            }
        }
        var handoff = (await FindAsync(handoffId, cancellationToken))!;
        await AddMessageAsync(handoffId, "system", agentId, $"transferred to {queue}", cancellationToken);
        var (position, _) = await PositionAsync(handoff, cancellationToken);
        await events.RecordAsync(handoff, HandoffEventTypes.HandoffQueued, handoff.QueueEntries,
            new Dictionary<string, object?> { [EventDataKeys.Queue] = queue, [EventDataKeys.Position] = position }, cancellationToken: cancellationToken);
        await TellCustomerAsync(handoff, Text(HandoffTexts.For(handoff.Locale).Transferred, handoff.Locale), cancellationToken);
        await notifier.HandoffChangedAsync(handoffId, agentId, cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        await AssignWaitingAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Straight to a colleague, who owns the chat from now on. Only to an agent who is online at that moment (checked in the
    /// same UPDATE): a chat given to an unknown or absent agent would sit where nobody looks.
    /// </summary>
    public async Task<bool> TransferToAgentAsync(long handoffId, string agentId, string toAgentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var db = factory.CreateDbContext())
        {
            var changed = await db.HandoffRequests()
                .Where(h => h.Id == handoffId && h.Status == HandoffStatus.Assigned && h.AgentId == agentId && toAgentId != agentId
                    && db.Agents().Any(a => a.UserId == toAgentId && a.Presence == AgentPresence.Online))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(h => h.AgentId, toAgentId)
                    .SetProperty(h => h.AssignedAt, now)
                    .SetProperty(h => h.Assignments, h => h.Assignments + 1), cancellationToken);
            if (changed == 0)
            {
                return false;
            }
        }
        await AddMessageAsync(handoffId, "system", agentId, $"transferred to agent {toAgentId}", cancellationToken);
        await notifier.HandoffChangedAsync(handoffId, agentId, cancellationToken);
        await AssignedAsync(handoffId, toAgentId, cancellationToken);
        return true;
    }

    /// <summary>The owning agent writes to the customer, through the bot's own channel.</summary>
    public async Task<bool> SendAgentMessageAsync(long handoffId, string agentId, string text, CancellationToken cancellationToken)
    {
        var handoff = await FindAsync(handoffId, cancellationToken);
        if (handoff is not { Status: HandoffStatus.Assigned } || handoff.AgentId != agentId || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        await AddMessageAsync(handoffId, "agent", agentId, text, cancellationToken);
        var activity = Text(text, handoff.Locale);
        // What a person typed is shown as typed: no Markdown, no HTML (Web Chat and Teams render plain text literally).
        activity.TextFormat = TextFormats.Plain;
        activity.From = new ChannelAccount { Name = await AgentNameAsync(agentId, cancellationToken), Role = "bot" };
        await TellCustomerAsync(handoff, activity, cancellationToken);
        return true;
    }

    /// <summary>Shows the customer that the agent is typing (live only).</summary>
    public async Task AgentTypingAsync(long handoffId, string agentId, CancellationToken cancellationToken)
    {
        var handoff = await FindAsync(handoffId, cancellationToken);
        if (handoff is { Status: HandoffStatus.Assigned } && handoff.AgentId == agentId)
        {
            await TellCustomerAsync(handoff, new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        }
    }

    private static async Task<Dictionary<string, int>> LoadsAsync(Data.BotDbContext db, CancellationToken cancellationToken) =>
        await db.HandoffRequests().Where(h => h.Status == HandoffStatus.Assigned && h.AgentId != null)
            .GroupBy(h => h.AgentId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    private async Task AssignedAsync(long handoffId, string agentId, CancellationToken cancellationToken)
    {
        var handoff = (await FindAsync(handoffId, cancellationToken))!;
        var wait = (handoff.AssignedAt!.Value - handoff.RequestedAt).TotalSeconds;
        if (handoff.Assignments == 1)
        {
            // The customer's wait for a first agent (a transfer's second assignment is not a wait from the request).
            metrics.Assigned(handoff.Queue, handoff.AssignedAt.Value - handoff.RequestedAt);
        }
        logger.LogInformation("Hand-off {Reference} assigned to agent {AgentId} after {WaitSeconds:F0} s", handoff.Reference, agentId, wait);
        await events.RecordAsync(handoff, HandoffEventTypes.AgentAssigned, handoff.Assignments, new Dictionary<string, object?>
        {
            [EventDataKeys.AgentId] = agentId, [EventDataKeys.Queue] = handoff.Queue, [EventDataKeys.WaitSeconds] = Math.Round(wait, 1),
        }, cancellationToken: cancellationToken);
        var name = await AgentNameAsync(agentId, cancellationToken);
        await TellCustomerAsync(handoff, Text(string.Format(CultureInfo.InvariantCulture, HandoffTexts.For(handoff.Locale).AgentJoined, name), handoff.Locale), cancellationToken);
        await notifier.HandoffChangedAsync(handoffId, agentId, cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        await AnnouncePositionsAsync(handoff.Queue, cancellationToken);
    }
}
