using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Events;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Desk;

/// <summary>External mode: another agent hub handles the chat and reports its progress (handoff.status).</summary>
public sealed partial class HandoffDesk
{
    /// <summary>The agent id recorded for chats that another agent hub handled (external mode).</summary>
    public const string ExternalAgentId = "external";

    /// <summary>
    /// The other hub's <c>handoff.status</c>: accepted (a person took it), completed (back to the bot: rating pending), or
    /// failed (nobody could: an offline ticket). Returns the hand-off after the change, or null when the state does not
    /// apply (a repeated or late status is ignored, never rejected).
    /// </summary>
    public async Task<HandoffRequestRecord?> ExternalStatusAsync(long handoffId, string state, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int changed;
        await using (var db = factory.CreateDbContext())
        {
            var rows = db.HandoffRequests().Where(h => h.Id == handoffId);
            changed = state switch
            {
                "accepted" => await rows.Where(h => h.Status == HandoffStatus.External).ExecuteUpdateAsync(s => s
                    .SetProperty(h => h.Status, HandoffStatus.Assigned)
                    .SetProperty(h => h.AgentId, ExternalAgentId)
                    .SetProperty(h => h.AssignedAt, now)
                    .SetProperty(h => h.FirstAssignedAt, h => h.FirstAssignedAt ?? now)
                    .SetProperty(h => h.Assignments, h => h.Assignments + 1), cancellationToken),
                "completed" => await rows.Where(h => h.Status == HandoffStatus.External
                        || (h.Status == HandoffStatus.Assigned && h.AgentId == ExternalAgentId)).ExecuteUpdateAsync(s => s
                    .SetProperty(h => h.Status, HandoffStatus.Closed)
                    .SetProperty(h => h.ClosedAt, now)
                    // The other hub reports no category of its own: the chat keeps the one it was routed with.
                    .SetProperty(h => h.Disposition, h => h.Category)
                    .SetProperty(h => h.Resolved, true)
                    .SetProperty(h => h.RatingPending, true), cancellationToken),
                "failed" => await rows.Where(h => h.Status == HandoffStatus.External).ExecuteUpdateAsync(s => s
                    .SetProperty(h => h.Status, HandoffStatus.Offline).SetProperty(h => h.ClosedAt, now), cancellationToken),
                _ => 0,
            };
        }
        if (changed == 0)
        {
            return null;
        }
        var handoff = (await FindAsync(handoffId, cancellationToken))!;
        switch (state)
        {
            case "accepted":
                await events.RecordAsync(handoff, HandoffEventTypes.AgentAssigned, handoff.Assignments, new Dictionary<string, object?>
                {
                    [EventDataKeys.AgentId] = ExternalAgentId, [EventDataKeys.Queue] = handoff.Queue,
                    [EventDataKeys.WaitSeconds] = Math.Round((now - handoff.RequestedAt).TotalSeconds, 1),
                }, cancellationToken: cancellationToken);
                break;
            case "completed":
                var handle = (now - (handoff.FirstAssignedAt ?? now)).TotalMinutes;
                await events.RecordAsync(handoff, HandoffEventTypes.HandoffResolved, data: new Dictionary<string, object?>
                {
                    [EventDataKeys.AgentId] = ExternalAgentId, [EventDataKeys.HandleMinutes] = Math.Round((decimal)handle, 2),
                    [EventDataKeys.Category] = handoff.Category, [EventDataKeys.Resolved] = true,
                }, cancellationToken: cancellationToken);
                await events.RecordAsync(handoff, HandoffEventTypes.HandedBack, data: new Dictionary<string, object?> { [EventDataKeys.AgentId] = ExternalAgentId },
                    cancellationToken: cancellationToken);
                break;
            case "failed":
                await events.RecordAsync(handoff, HandoffEventTypes.OfflineTicketCreated,
                    data: new Dictionary<string, object?> { [EventDataKeys.Reference] = handoff.Reference }, cancellationToken: cancellationToken);
                break;
        }
        return handoff;
    }
}
