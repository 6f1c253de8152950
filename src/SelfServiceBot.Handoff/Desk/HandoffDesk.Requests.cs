using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Diagnostics;
using SelfServiceBot.Handoff.Events;
using SelfServiceBot.Handoff.Routing;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Desk;

/// <summary>
/// The customer's side: a request comes in and waits in its queue; the customer hears their place in line, and what they
/// write or type while waiting or talking reaches the agent.
/// </summary>
public sealed partial class HandoffDesk
{
    private const int ReferenceAttempts = 5;

    /// <summary>
    /// Puts the request in its live queue, or makes it an offline ticket when nobody can take it now. In external mode
    /// (<see cref="HandoffOptions.IsExternal"/>) it only records it: another agent hub takes it (handoff.initiate).
    /// </summary>
    public async Task<HandoffPlacement> RequestAsync(NewHandoff request, CancellationToken cancellationToken)
    {
        using var span = HandoffTelemetry.Source.StartActivity(HandoffTelemetry.RequestSpan);
        var queue = Router.QueueFor(request.Category, request.Locale);
        var now = clock.GetUtcNow();
        var open = BusinessHours.IsOpen(Options.BusinessHours, now);
        var live = !Options.IsExternal && open && await EligibleOnlineAgentsAsync(queue, cancellationToken) > 0;
        var status = Options.IsExternal ? HandoffStatus.External : live ? HandoffStatus.Queued : HandoffStatus.Offline;
        var record = await InsertAsync(request, queue, status, now, cancellationToken);
        metrics.Requested(record.Reason, record.Status);
        if (span is not null)
        {
            span.SetTag(HandoffTelemetry.IdAttribute, record.Id);
            span.SetTag(HandoffTelemetry.ReasonAttribute, record.Reason);
            span.SetTag(HandoffTelemetry.StatusAttribute, record.Status);
            span.SetTag(HandoffTelemetry.QueueAttribute, queue);
        }
        logger.LogInformation("Hand-off {Reference} for conversation {ConversationId}: {Status} in {Queue} ({Reason})",
            record.Reference, record.ConversationId, record.Status, queue, record.Reason);

        await events.RecordAsync(record, HandoffEventTypes.HandoffRequested, reason: record.Reason, articleId: record.LastArticleId,
            data: new Dictionary<string, object?>
            {
                [EventDataKeys.Reference] = record.Reference, [EventDataKeys.Category] = record.Category,
                [EventDataKeys.Queue] = queue, [EventDataKeys.Priority] = record.Priority,
            }, cancellationToken: cancellationToken);
        if (Options.IsExternal)
        {
            return new HandoffPlacement(record.Id, record.Reference, record.Status, queue, 0, 0, false);
        }
        if (!live)
        {
            await events.RecordAsync(record, HandoffEventTypes.OfflineTicketCreated,
                data: new Dictionary<string, object?> { [EventDataKeys.Reference] = record.Reference }, cancellationToken: cancellationToken);
            return new HandoffPlacement(record.Id, record.Reference, record.Status, queue, 0, 0, !open);
        }
        var (position, minutes) = await PositionAsync(record, cancellationToken);
        await events.RecordAsync(record, HandoffEventTypes.HandoffQueued, record.QueueEntries,
            new Dictionary<string, object?> { [EventDataKeys.Queue] = queue, [EventDataKeys.Position] = position }, cancellationToken: cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        return new HandoffPlacement(record.Id, record.Reference, record.Status, queue, position, minutes, false);
    }

    /// <summary>The customer is typing: tell the agent who owns their chat, if any (one indexed lookup, no dialog state).</summary>
    public async Task CustomerTypingAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var live = await db.HandoffRequests().AsNoTracking()
            .Where(h => h.ChannelId == channelId && h.ConversationId == conversationId && h.Status == HandoffStatus.Assigned)
            .OrderByDescending(h => h.Id).Select(h => new { h.Id, h.AgentId }).FirstOrDefaultAsync(cancellationToken);
        if (live is not null)
        {
            await notifier.CustomerTypingAsync(live.Id, live.AgentId, cancellationToken);
        }
    }

    /// <summary>Place in line (1 = next) and minutes to wait, from recent handle times and the agents online for the queue.</summary>
    public Task<(int Position, int Minutes)> PositionAsync(HandoffRequestRecord handoff, CancellationToken cancellationToken) =>
        PositionAsync(handoff.Id, handoff.Queue, handoff.Priority, cancellationToken);

    internal async Task<(int Position, int Minutes)> PositionAsync(long id, string queue, int priority, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var ahead = await db.HandoffRequests().CountAsync(h => h.Status == HandoffStatus.Queued && h.Queue == queue && h.Id != id
            && (h.Priority > priority || (h.Priority == priority && h.Id < id)), cancellationToken);
        var recent = await db.HandoffRequests().AsNoTracking()
            .Where(h => h.Status == HandoffStatus.Closed && h.FirstAssignedAt != null && h.ClosedAt != null)
            .OrderByDescending(h => h.Id).Take(20).Select(h => new { h.FirstAssignedAt, h.ClosedAt }).ToListAsync(cancellationToken);
        var handle = recent.Count == 0 ? Options.DefaultHandleMinutes : recent.Average(h => (h.ClosedAt!.Value - h.FirstAssignedAt!.Value).TotalMinutes);
        var agents = Math.Max(1, await EligibleOnlineAgentsAsync(queue, cancellationToken));
        return (ahead + 1, (int)Math.Ceiling((ahead + 1) * Math.Max(handle, 0.5) / agents));
    }

    /// <summary>Tells the customers still waiting in <paramref name="queue"/> their new place in line (the queue moved).</summary>
    public async Task AnnouncePositionsAsync(string queue, CancellationToken cancellationToken)
    {
        List<HandoffRequestRecord> waiting;
        await using (var db = factory.CreateDbContext())
        {
            waiting = await db.HandoffRequests().AsNoTracking().Where(h => h.Status == HandoffStatus.Queued && h.Queue == queue)
                .OrderByDescending(h => h.Priority).ThenBy(h => h.Id).Take(50).ToListAsync(cancellationToken);
        }
        foreach (var handoff in waiting)
        {
            var (position, minutes) = await PositionAsync(handoff, cancellationToken);
            await TellCustomerAsync(handoff, Text(HandoffTexts.For(handoff.Locale).Position(position, minutes), handoff.Locale), cancellationToken);
        }
    }

    /// <summary>The customer wrote while waiting for or talking to a person: keep it for the agent and pass it on live.</summary>
    public Task AddCustomerMessageAsync(HandoffRequestRecord handoff, string text, CancellationToken cancellationToken) =>
        AddCustomerMessageAsync(handoff.Id, handoff.AgentId, text, cancellationToken);

    internal async Task AddCustomerMessageAsync(long handoffId, string? agentId, string text, CancellationToken cancellationToken)
    {
        await AddMessageAsync(handoffId, "customer", null, text, cancellationToken);
        await notifier.CustomerMessageAsync(handoffId, agentId, text, cancellationToken);
    }

    private async Task<HandoffRequestRecord> InsertAsync(NewHandoff request, string queue, string status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = factory.CreateDbContext();
            var record = new HandoffRequestRecord
            {
                Reference = HandoffReferences.Next(),
                ChannelId = request.ChannelId,
                ConversationId = request.ConversationId,
                UserId = request.UserId,
                UserName = request.UserName,
                Locale = request.Locale,
                Reason = request.Reason,
                Category = request.Category,
                LastCustomerText = request.LastCustomerText,
                LastArticleId = request.LastArticleId,
                OfferedArticlesJson = JsonSerializer.Serialize(request.OfferedArticleIds),
                TranscriptJson = request.TranscriptJson,
                ConversationReferenceJson = request.ConversationReferenceJson,
                Queue = queue,
                Priority = Router.PriorityFor(request.Category, request.Reason),
                RequestedAt = now,
                Status = status,
                QueueEntries = status == HandoffStatus.Queued ? 1 : 0,
                // An offline ticket ends here for the desk (the team follows it up outside); closed, retention counts from now.
                ClosedAt = status == HandoffStatus.Offline ? now : null,
            };
            db.HandoffRequests().Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return record;
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                // Most likely the random reference is taken: draw another.
            }
        }
    }
}
