using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Customers;
using SelfServiceBot.Handoff.Diagnostics;
using SelfServiceBot.Handoff.Events;
using SelfServiceBot.Handoff.Routing;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Desk;

/// <summary>
/// The hand-off desk: takes requests from the bot, keeps the queues, assigns and closes chats. Every state change is one
/// conditional UPDATE in the database (no process-local state), so any instance may act on any chat and two agents
/// claiming at once cannot both win. Events are written after the change is committed.
/// </summary>
public sealed partial class HandoffDesk(
    IDbContextFactory<BotDbContext> factory,
    IOptions<HandoffOptions> options,
    HandoffEvents events,
    ICustomerMessenger customers,
    IHandoffNotifier notifier,
    TimeProvider clock,
    ILogger<HandoffDesk> logger,
    HandoffMetrics metrics)
{
    private const int ReferenceAttempts = 5;
    private HandoffOptions Options => options.Value;
    private QueueRouter Router => new(options.Value);

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
                ["reference"] = record.Reference, ["category"] = record.Category, ["queue"] = queue, ["priority"] = record.Priority,
            }, cancellationToken: cancellationToken);
        if (Options.IsExternal)
        {
            return new HandoffPlacement(record.Id, record.Reference, record.Status, queue, 0, 0, false);
        }
        if (!live)
        {
            await events.RecordAsync(record, HandoffEventTypes.OfflineTicketCreated,
                data: new Dictionary<string, object?> { ["reference"] = record.Reference }, cancellationToken: cancellationToken);
            return new HandoffPlacement(record.Id, record.Reference, record.Status, queue, 0, 0, !open);
        }
        var (position, minutes) = await PositionAsync(record, cancellationToken);
        await events.RecordAsync(record, HandoffEventTypes.HandoffQueued, record.QueueEntries,
            new Dictionary<string, object?> { ["queue"] = queue, ["position"] = position }, cancellationToken: cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        return new HandoffPlacement(record.Id, record.Reference, record.Status, queue, position, minutes, false);
    }

    public async Task<HandoffRequestRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.HandoffRequests().AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
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
    public async Task<(int Position, int Minutes)> PositionAsync(HandoffRequestRecord handoff, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var ahead = await db.HandoffRequests().CountAsync(h => h.Status == HandoffStatus.Queued && h.Queue == handoff.Queue && h.Id != handoff.Id
            && (h.Priority > handoff.Priority || (h.Priority == handoff.Priority && h.Id < handoff.Id)), cancellationToken);
        var recent = await db.HandoffRequests().AsNoTracking()
            .Where(h => h.Status == HandoffStatus.Closed && h.FirstAssignedAt != null && h.ClosedAt != null)
            .OrderByDescending(h => h.Id).Take(20).Select(h => new { h.FirstAssignedAt, h.ClosedAt }).ToListAsync(cancellationToken);
        var handle = recent.Count == 0 ? Options.DefaultHandleMinutes : recent.Average(h => (h.ClosedAt!.Value - h.FirstAssignedAt!.Value).TotalMinutes);
        var agents = Math.Max(1, await EligibleOnlineAgentsAsync(handoff.Queue, cancellationToken));
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
    public async Task AddCustomerMessageAsync(HandoffRequestRecord handoff, string text, CancellationToken cancellationToken)
    {
        await AddMessageAsync(handoff.Id, "customer", null, text, cancellationToken);
        await notifier.CustomerMessageAsync(handoff.Id, handoff.AgentId, text, cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffMessageRecord>> MessagesAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.HandoffMessages().AsNoTracking().Where(m => m.HandoffId == handoffId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    private async Task AddMessageAsync(long handoffId, string from, string? agentId, string text, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        db.HandoffMessages().Add(new HandoffMessageRecord { HandoffId = handoffId, From = from, AgentId = agentId, Text = text, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
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
                ConversationReferenceJson = JsonSerializer.Serialize(request.Reference, BotJson.Options),
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

    private static ConversationReference? ReferenceOf(HandoffRequestRecord handoff) =>
        handoff.ConversationReferenceJson is { } json ? JsonSerializer.Deserialize<ConversationReference>(json, BotJson.Options) : null;

    private async Task TellCustomerAsync(HandoffRequestRecord handoff, Activity activity, CancellationToken cancellationToken)
    {
        if (ReferenceOf(handoff) is not { } reference)
        {
            return;
        }
        try
        {
            await customers.SendAsync(reference, activity, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The state change stands; the customer sees the next message (or the agent retries).
            logger.LogWarning(ex, "Could not write to the customer of hand-off {Reference}", handoff.Reference);
        }
    }

    private static Activity Text(string text, string? locale) => new() { Type = ActivityTypes.Message, Text = text, Locale = locale };
}
