using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>
/// Applies events, in Id order, to the contacts of one batch (tracked in <paramref name="db"/>). It keeps the latest
/// contact of each conversation seen so far: open, or closed but still the one hand-off events, CSAT and model calls belong to.
/// </summary>
internal sealed class ContactEventApplier(BotDbContext db, CostsOptions options, DateTimeOffset now)
{
    private readonly Dictionary<(string, string), ContactRecord?> _latest = [];
    private readonly Dictionary<(string, string), string> _previousType = [];

    public async Task ApplyAsync(ConversationEventRecord e, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(e.ChannelId, e.ConversationId, cancellationToken);
        if (e.Type == ConversationEventTypes.ModelCalled)
        {
            // Only its tokens count; it is no step of the conversation either, so the rating reply check looks past it.
            ModelCallTokens.Add(latest, e, now);
            return;
        }
        if (e.Type == ConversationEventTypes.CustomerMessage && await IsRatingReplyAsync(latest, e, cancellationToken))
        {
            // The answer to "How would you rate the help you got?" after a hand-back: part of the rated contact, not a new one.
            _previousType[(e.ChannelId, e.ConversationId)] = e.Type;
            return;
        }
        _previousType[(e.ChannelId, e.ConversationId)] = e.Type;
        switch (e.Type)
        {
            case ConversationEventTypes.ContactStarted:
                Touch(Current(latest, e) ?? Open(e), e);
                break;
            case ConversationEventTypes.CustomerMessage:
                var contact = Current(latest, e) ?? Open(e);
                Touch(contact, e);
                contact.HasCustomerMessage = true;
                if (contact.Question is null && !string.IsNullOrWhiteSpace(e.Text) && IsQuestion(e))
                {
                    contact.Question = e.Text.Length > 300 ? e.Text[..300] : e.Text;
                    contact.QuestionKey = ContactRules.QuestionKey(e.Text);
                }
                break;
            case ConversationEventTypes.AnswerShown:
                OnAnswer(Bot(latest, e), e);
                break;
            case ConversationEventTypes.ClarifyShown:
                Touch(Bot(latest, e), e);
                break;
            case ConversationEventTypes.Feedback:
                OnFeedback(Bot(latest, e), e);
                break;
            case HandoffEventTypes.HandoffRequested:
                OnHandoffRequested(Bot(latest, e), e);
                break;
            case ConversationEventTypes.ConversationEnded:
                if (Current(latest, e) is { } ended)
                {
                    Touch(ended, e);
                    ContactRules.Close(ended, e.OccurredAt, options, now);
                }
                break;
            default:
                HandoffEventApplier.Apply(latest, e, options, now);
                break;
        }
    }

    /// <summary>The open contact the event continues, after closing one that went idle before it.</summary>
    private ContactRecord? Current(ContactRecord? latest, ConversationEventRecord e)
    {
        if (latest is not { IsOpen: true })
        {
            return null;
        }
        if (ContactRules.IsIdle(latest, e.OccurredAt, options))
        {
            ContactRules.Close(latest, latest.LastActivityAt, options, now);
            return null;
        }
        return latest;
    }

    // What the bot did follows the customer's message in the same turn, so there is an open contact; if the log
    // starts mid-turn (a database restored from a backup) the bot's action starts one.
    private ContactRecord Bot(ContactRecord? latest, ConversationEventRecord e) => Current(latest, e) ?? Open(e);

    private ContactRecord Open(ConversationEventRecord e)
    {
        var contact = new ContactRecord
        {
            Source = ContactSources.Bot,
            ContactKey = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ChannelId = e.ChannelId,
            ConversationId = e.ConversationId,
            CustomerId = e.UserId,
            Locale = e.Locale,
            StartedAt = e.OccurredAt,
            StartedDay = ContactRules.DayNumber(e.OccurredAt),
            LastActivityAt = e.OccurredAt,
            IsOpen = true,
            UpdatedAt = now,
        };
        db.Contacts().Add(contact);
        _latest[(e.ChannelId, e.ConversationId)] = contact;
        return contact;
    }

    private void Touch(ContactRecord contact, ConversationEventRecord e)
    {
        if (e.OccurredAt > contact.LastActivityAt)
        {
            contact.LastActivityAt = e.OccurredAt;
        }
        contact.CustomerId ??= e.UserId;
        contact.Locale ??= e.Locale;
        contact.UpdatedAt = now;
    }

    private void OnAnswer(ContactRecord contact, ConversationEventRecord e)
    {
        Touch(contact, e);
        contact.AnswerShown = true;
        // A suggested follow-up has none: the confidence stays that of the last answer searched for.
        contact.Confidence = e.Confidence ?? contact.Confidence;
        if (!contact.HelpfulFeedback && e.ArticleId is not null)
        {
            contact.ArticleId = e.ArticleId;
        }
        if (EventData.Parse(e.DataJson).String(EventDataKeys.Category) is { Length: > 0 } category)
        {
            contact.Category = category;
        }
        if (e.ArticleId is not null)
        {
            var shown = contact.ArticlesShown is null ? e.ArticleId : contact.ArticlesShown + "," + e.ArticleId;
            contact.ArticlesShown = shown.Length > 1000 ? contact.ArticlesShown : shown;
        }
    }

    private void OnFeedback(ContactRecord contact, ConversationEventRecord e)
    {
        Touch(contact, e);
        if (EventData.Parse(e.DataJson).Bool(EventDataKeys.Helpful) == true)
        {
            contact.HelpfulFeedback = true;
            contact.ArticleId = e.ArticleId ?? contact.ArticleId;
        }
        else
        {
            contact.UnhelpfulFeedback = true;
        }
    }

    /// <summary>
    /// A question, or words to an agent: not "hi", a button or "talk to a person", which would otherwise become the
    /// contact's question and top the knowledge gaps. Events from before the intent was recorded count as questions.
    /// </summary>
    private static bool IsQuestion(ConversationEventRecord e) =>
        EventData.Parse(e.DataJson).String(EventDataKeys.Intent) is null or CustomerMessageIntents.Question or CustomerMessageIntents.ToAgent;

    private void OnHandoffRequested(ContactRecord contact, ConversationEventRecord e)
    {
        Touch(contact, e);
        var data = EventData.Parse(e.DataJson);
        contact.Outcome = ContactOutcomes.Escalated;
        contact.EscalationReason = e.Reason;
        contact.HandoffPending = true;
        contact.HandoffReference = data.String(EventDataKeys.Reference) ?? contact.HandoffReference;
        contact.Category = data.String(EventDataKeys.Category) ?? contact.Category;
        contact.ArticleId ??= e.ArticleId;
    }

    /// <summary>
    /// The rating is recorded (csat_given) while the bot handles the customer's reply, before the turn's own events, so the
    /// reply is the customer message right after it in the conversation's log, when no contact is open.
    /// </summary>
    private async Task<bool> IsRatingReplyAsync(ContactRecord? latest, ConversationEventRecord e, CancellationToken cancellationToken)
    {
        if (latest is not { Outcome: ContactOutcomes.Escalated } || Current(latest, e) is not null)
        {
            return false;
        }
        if (!_previousType.TryGetValue((e.ChannelId, e.ConversationId), out var previous))
        {
            previous = await db.ConversationEvents.AsNoTracking()
                .Where(x => x.ChannelId == e.ChannelId && x.ConversationId == e.ConversationId && x.Id < e.Id
                    && x.Type != ConversationEventTypes.ModelCalled)
                .OrderByDescending(x => x.Id).Select(x => x.Type)
                .FirstOrDefaultAsync(cancellationToken);
        }
        return previous == HandoffEventTypes.CsatGiven;
    }

    /// <summary>
    /// Loads the latest contact of each of these conversations not loaded yet, in one query: the ledger passes a whole
    /// batch's, instead of one query per conversation (on PostgreSQL each is a round trip).
    /// </summary>
    public async Task LoadLatestAsync(IEnumerable<(string ChannelId, string ConversationId)> conversations, CancellationToken cancellationToken)
    {
        var keys = conversations.Distinct().Where(k => !_latest.ContainsKey(k)).ToList();
        if (keys.Count == 0)
        {
            return;
        }
        var conversationIds = keys.Select(k => k.ConversationId).Distinct().ToList();
        var latest = await db.Contacts()
            .Where(c => c.Source == ContactSources.Bot && c.ConversationId != null && conversationIds.Contains(c.ConversationId))
            .GroupBy(c => new { c.ChannelId, c.ConversationId })
            .Select(g => g.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).First())
            .ToListAsync(cancellationToken);
        var byKey = latest.ToDictionary(c => (c.ChannelId ?? "", c.ConversationId ?? ""));
        foreach (var key in keys)
        {
            _latest[key] = byKey.GetValueOrDefault(key);
        }
    }

    private async Task<ContactRecord?> LatestAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (!_latest.TryGetValue((channelId, conversationId), out var known))
        {
            await LoadLatestAsync([(channelId, conversationId)], cancellationToken);
            known = _latest[(channelId, conversationId)];
        }
        return known;
    }
}
