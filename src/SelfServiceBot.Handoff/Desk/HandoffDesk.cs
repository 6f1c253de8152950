using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
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
/// <remarks>
/// One class, one file per stage of a chat's life: HandoffDesk.Requests (the customer asks and waits), .Assignment (agents
/// take and pass on chats), .Closing (how a chat ends: resolved, cancelled, rated), .External (another agent hub's status).
/// This file holds what they share: the reads and how the desk writes to the customer. The bot reaches the desk only
/// through <see cref="DeskHandoffGateway"/>.
/// </remarks>
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
    private HandoffOptions Options => options.Value;
    private QueueRouter Router => new(options.Value);

    public async Task<HandoffRequestRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.HandoffRequests().AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffMessageRecord>> MessagesAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.HandoffMessages().AsNoTracking().Where(m => m.HandoffId == handoffId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Waiting and live chats (for the console), highest priority and oldest first.</summary>
    public async Task<IReadOnlyList<HandoffSummary>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var open = await db.HandoffRequests().AsNoTracking()
            .Where(h => (h.Status == HandoffStatus.Queued || h.Status == HandoffStatus.Assigned) && h.AgentId != ExternalAgentId)
            .OrderByDescending(h => h.Priority).ThenBy(h => h.Id).Take(500).ToListAsync(cancellationToken);
        return open.Select(Summarize).ToList();
    }

    public static HandoffSummary Summarize(HandoffRequestRecord h) => new(
        h.Id, h.Reference, h.Status, h.Queue, h.Priority, h.Category, h.Reason, h.Locale, h.ChannelId, h.UserName, h.AgentId,
        h.RequestedAt, h.AssignedAt, h.LastCustomerText);

    public async Task<int> EligibleOnlineAgentsAsync(string queue, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var online = await db.Agents().AsNoTracking().Where(a => a.Presence == AgentPresence.Online).ToListAsync(cancellationToken);
        return online.Count(a => QueueRouter.CanServe(a, queue));
    }

    private async Task AddMessageAsync(long handoffId, string from, string? agentId, string text, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        db.HandoffMessages().Add(new HandoffMessageRecord { HandoffId = handoffId, From = from, AgentId = agentId, Text = text, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> AgentNameAsync(string agentId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.Agents().AsNoTracking().Where(a => a.UserId == agentId).Select(a => a.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "Agent";
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
