using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Customers;
using SelfServiceBot.Handoff.Events;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Desk;

/// <summary>
/// How a chat ends: the agent resolves it and hands the customer back (who is asked for a rating), or the customer cancels
/// while waiting; an offline ticket keeps how to reach the customer.
/// </summary>
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
            [EventDataKeys.AgentId] = agentId, [EventDataKeys.HandleMinutes] = Math.Round((decimal)handle, 2),
            [EventDataKeys.Category] = disposition.Category, [EventDataKeys.Resolved] = disposition.Resolved,
        }, cancellationToken: cancellationToken);
        await events.RecordAsync(handoff, HandoffEventTypes.HandedBack, data: new Dictionary<string, object?> { [EventDataKeys.AgentId] = agentId },
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
        await events.RecordAsync(handoff, HandoffEventTypes.CsatGiven, data: new Dictionary<string, object?> { [EventDataKeys.Score] = score },
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

    private static Activity RatingQuestion(HandoffTexts texts, string? locale)
    {
        var activity = Text(texts.RatingPrompt, locale);
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = [.. HandoffRating.Scores.Select(n => CardAction.ImBack(n, n))],
        };
        return activity;
    }
}
