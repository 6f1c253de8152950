using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Costs.Tests.Infrastructure;

/// <summary>Builds closed contacts directly, as an import would, and saves them with their recontact flags computed.</summary>
public static class Contacts
{
    private static int _next;

    public static ContactRecord Closed(string outcome, string? customer, DateTimeOffset started, DateTimeOffset? ended = null,
        string channel = "webchat", string locale = "en", string? category = null, string? article = null, string? reason = null,
        decimal? handleMinutes = null, int? csat = null, long inputTokens = 0, long outputTokens = 0)
    {
        var contact = new ContactRecord
        {
            Source = ContactSources.Import,
            ContactKey = "t" + Interlocked.Increment(ref _next),
            CustomerId = customer,
            ChannelId = channel,
            Locale = locale,
            StartedAt = started,
            StartedDay = ContactRules.DayNumber(started),
            EndedAt = ended ?? started,
            LastActivityAt = ended ?? started,
            Outcome = outcome,
            Category = category,
            ArticleId = article,
            EscalationReason = reason,
            HandleMilliseconds = handleMinutes is { } m ? (long)(m * 60_000) : null,
            Csat = csat,
            LlmInputTokens = inputTokens,
            LlmOutputTokens = outputTokens,
            HasCustomerMessage = outcome != ContactOutcomes.Unengaged,
        };
        ContactRules.SetRecontactWindow(contact, TimeSpan.FromDays(7));
        return contact;
    }

    public static async Task SaveAsync(LedgerHarness h, params ContactRecord[] contacts)
    {
        await using (var db = h.Factory.CreateDbContext())
        {
            db.Contacts().AddRange(contacts);
            await db.SaveChangesAsync();
        }
        await RecontactMarker.MarkAsync(h.Factory, h.Services.GetRequiredService<HotWrites>(), DateTimeOffset.MinValue, default);
    }
}
