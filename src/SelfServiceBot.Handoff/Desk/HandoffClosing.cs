using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Customers;
using SelfServiceBot.Handoff.Events;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Desk;

public sealed partial class HandoffDesk
{
    /// <summary>
    /// The agent closes the chat with a disposition and hands the customer back to the bot, which asks for a rating (1-5).
    /// Records handoff_resolved (handle time from the first accept) and handed_back.
    /// </summary>
    public async Task<bool> ResolveAsync(long handoffId, string agentId, Disposition disposition, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var db = factory.CreateDbContext())
        {
            var changed = await db.HandoffRequests()
                .Where(h => h.Id == handoffId && h.Status == HandoffStatus.Assigned && h.AgentId == agentId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(h => h.Status, HandoffStatus.Closed)
                    .SetProperty(h => h.ClosedAt, now)
                    .SetProperty(h => h.Disposition, disposition.Category)
                    .SetProperty(h => h.Resolved, disposition.Resolved)
                    .SetProperty(h => h.Note, disposition.Note)
                    .SetProperty(h => h.RatingPending, true), cancellationToken);
            if (changed == 0)
            {
                return false;
            }
        }
        var handoff = (await FindAsync(handoffId, cancellationToken))!;
        var handle = (now - (handoff.FirstAssignedAt ?? handoff.AssignedAt ?? now)).TotalMinutes;
        await events.RecordAsync(handoff, HandoffEventTypes.HandoffResolved, data: new Dictionary<string, object?>
        {
            ["agentId"] = agentId, ["handleMinutes"] = Math.Round((decimal)handle, 2), ["category"] = disposition.Category, ["resolved"] = disposition.Resolved,
        }, cancellationToken: cancellationToken);
        await events.RecordAsync(handoff, HandoffEventTypes.HandedBack, data: new Dictionary<string, object?> { ["agentId"] = agentId },
            cancellationToken: cancellationToken);

        var texts = HandoffTexts.For(handoff.Locale);
        await TellCustomerAsync(handoff, Text(string.Format(CultureInfo.InvariantCulture, texts.Resolved, await AgentNameAsync(agentId, cancellationToken)), handoff.Locale), cancellationToken);
        await TellCustomerAsync(handoff, RatingQuestion(texts, handoff.Locale), cancellationToken);
        await notifier.HandoffChangedAsync(handoffId, agentId, cancellationToken);
        await AssignWaitingAsync(cancellationToken);
        return true;
    }

    /// <summary>The customer gave up waiting and went back to the bot.</summary>
    public async Task<bool> CancelAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using (var db = factory.CreateDbContext())
        {
            var changed = await db.HandoffRequests().Where(h => h.Id == handoffId && h.Status == HandoffStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HandoffStatus.Cancelled).SetProperty(h => h.ClosedAt, clock.GetUtcNow()), cancellationToken);
            if (changed == 0)
            {
                return false;
            }
        }
        var handoff = (await FindAsync(handoffId, cancellationToken))!;
        await events.RecordAsync(handoff, HandoffEventTypes.HandoffCancelled, cancellationToken: cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        await AnnouncePositionsAsync(handoff.Queue, cancellationToken);
        return true;
    }

    /// <summary>The customer's 1-5 after a hand-back; only the first answer to the question counts.</summary>
    public async Task<bool> RateAsync(long handoffId, int score, CancellationToken cancellationToken)
    {
        if (score is < 1 or > 5)
        {
            return false;
        }
        await using (var db = factory.CreateDbContext())
        {
            var changed = await db.HandoffRequests().Where(h => h.Id == handoffId && h.RatingPending)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Rating, score).SetProperty(h => h.RatingPending, false), cancellationToken);
            if (changed == 0)
            {
                return false;
            }
        }
        var handoff = (await FindAsync(handoffId, cancellationToken))!;
        await events.RecordAsync(handoff, HandoffEventTypes.CsatGiven, data: new Dictionary<string, object?> { ["score"] = score },
            cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>The customer did not answer the rating question (they asked something else): stop waiting for it.</summary>
    public async Task SkipRatingAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await db.HandoffRequests().Where(h => h.Id == handoffId && h.RatingPending)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.RatingPending, false), cancellationToken);
    }

    /// <summary>How an offline ticket's customer wants to be reached (kept on the ticket, never in events).</summary>
    public async Task SetContactDetailsAsync(long handoffId, string contact, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await db.HandoffRequests().Where(h => h.Id == handoffId && h.Status == HandoffStatus.Offline)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ContactDetails, contact.Length <= 500 ? contact : contact[..500]), cancellationToken);
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

    public static Activity RatingQuestion(HandoffTexts texts, string? locale)
    {
        var activity = Text(texts.RatingPrompt, locale);
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = [.. Enumerable.Range(1, 5).Select(i => new CardAction { Type = "imBack", Title = i.ToString(CultureInfo.InvariantCulture), Value = System.Text.Json.JsonSerializer.SerializeToElement(i.ToString(CultureInfo.InvariantCulture)) })],
        };
        return activity;
    }
}
