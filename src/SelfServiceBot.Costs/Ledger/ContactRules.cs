using SelfServiceBot.Costs.Storage;


namespace SelfServiceBot.Costs.Ledger;

/// <summary>When a contact has ended and what its outcome is (the contract's table of outcomes).</summary>
internal static class ContactRules
{
    public static bool IsIdle(ContactRecord contact, DateTimeOffset at, CostsOptions options) =>
        at - contact.LastActivityAt >= (contact.HandoffPending ? options.HandoffTimeout : options.ContactTimeout);

    public static string Classify(ContactRecord contact) => contact switch
    {
        { Outcome: ContactOutcomes.Escalated } => ContactOutcomes.Escalated,
        { HasCustomerMessage: false } => ContactOutcomes.Unengaged,
        { HelpfulFeedback: true } => ContactOutcomes.DeflectedConfirmed,
        { AnswerShown: true, UnhelpfulFeedback: false } => ContactOutcomes.DeflectedAssumed,
        _ => ContactOutcomes.Abandoned,
    };

    public static void Close(ContactRecord contact, DateTimeOffset endedAt, CostsOptions options, DateTimeOffset now)
    {
        contact.IsOpen = false;
        contact.HandoffPending = false;
        contact.EndedAt = endedAt;
        contact.Outcome = Classify(contact);
        SetRecontactWindow(contact, options.RecontactWindow);
        contact.UpdatedAt = now;
    }

    /// <summary>The window is fixed when the contact closes, so a later change of RecontactDays does not rewrite history.</summary>
    public static void SetRecontactWindow(ContactRecord contact, TimeSpan window)
    {
        if (ContactOutcomes.IsDeflected(contact.Outcome))
        {
            var start = contact.EndedAt ?? contact.StartedAt;
            contact.RecontactWindowStart = start;
            contact.RecontactWindowEnd = start + window;
        }
        else
        {
            contact.RecontactWindowStart = null;
            contact.RecontactWindowEnd = null;
            contact.Recontacted = false;
        }
    }

    public static int DayNumber(DateTimeOffset at) => (int)(at.UtcDateTime.Date - DateTime.UnixEpoch).TotalDays;

    /// <summary>Lower case, punctuation dropped, spaces collapsed: "Where is my order?" and "where is my order" group together.</summary>
    public static string? QuestionKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        var key = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key.Length == 0 ? null : key[..Math.Min(key.Length, 200)];
    }
}
