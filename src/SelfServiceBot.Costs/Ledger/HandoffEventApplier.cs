using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>
/// The hand-off module's events belong to the conversation's escalated contact, even when it has closed (a resolution
/// reported after the customer left, a CSAT rating given right after the hand-back). They never start a contact.
/// </summary>
internal static class HandoffEventApplier
{
    public static void Apply(ContactRecord? latest, ConversationEventRecord e, CostsOptions options, DateTimeOffset now)
    {
        if (e.Type == HandoffEventTypes.CsatGiven)
        {
            OnCsat(latest, e, options, now);
            return;
        }
        if (latest is not { Outcome: ContactOutcomes.Escalated } contact)
        {
            return;
        }
        if (contact.IsOpen && e.OccurredAt > contact.LastActivityAt)
        {
            contact.LastActivityAt = e.OccurredAt;
        }
        contact.UpdatedAt = now;
        var data = EventData.Parse(e.DataJson);
        switch (e.Type)
        {
            case HandoffEventTypes.OfflineTicketCreated:
            case HandoffEventTypes.HandoffCancelled:
                // Nobody will resolve it live: from now on it ends when the customer goes quiet.
                contact.HandoffPending = false;
                break;
            case HandoffEventTypes.HandoffResolved:
                if (data.Decimal(EventDataKeys.HandleMinutes) is { } minutes and >= 0)
                {
                    contact.HandleMilliseconds = (contact.HandleMilliseconds ?? 0) + (long)Math.Round(minutes * 60_000m);
                }
                contact.Category = data.String(EventDataKeys.Category) ?? contact.Category;
                End(contact, e, options, now);
                break;
            case HandoffEventTypes.HandedBack:
                End(contact, e, options, now);
                break;
        }
    }

    private static void End(ContactRecord contact, ConversationEventRecord e, CostsOptions options, DateTimeOffset now)
    {
        if (contact.IsOpen)
        {
            ContactRules.Close(contact, e.OccurredAt, options, now);
        }
    }

    private static void OnCsat(ContactRecord? latest, ConversationEventRecord e, CostsOptions options, DateTimeOffset now)
    {
        if (latest is null || EventData.Parse(e.DataJson).Decimal(EventDataKeys.Score) is not { } score || score is < 1 or > 5)
        {
            return;
        }
        // A rating long after the contact ended rates nothing we can attribute.
        if (!latest.IsOpen && e.OccurredAt - (latest.EndedAt ?? latest.LastActivityAt) > options.ContactTimeout)
        {
            return;
        }
        latest.Csat = (int)score;
        latest.UpdatedAt = now;
    }
}
