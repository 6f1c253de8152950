using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;
using static SelfServiceBot.Costs.Ledger.ContactOutcomes;
using static SelfServiceBot.Costs.Tests.Infrastructure.Contacts;

namespace SelfServiceBot.Costs.Tests.Reports;

public class KnowledgeGapsTests
{
    [Fact]
    public async Task A_question_stored_before_masking_reaches_the_knowledge_gaps_with_its_card_number_and_address_masked()
    {
        await using var h = await LedgerHarness.CreateAsync(DatabaseProvider.Sqlite);
        var t = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var contact = Closed(Escalated, "a", t, category: "payment");
        (contact.Question, contact.QuestionKey) = ("refund to card 4111 1111 1111 1111, mail jane@example.com", "refund card");
        await SaveAsync(h, contact);

        var gap = Assert.Single(await h.Services.GetRequiredService<KnowledgeGaps>().TopAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), 5m, 10, default));

        Assert.Equal("refund to card •••• •••• •••• 1111, mail j•••@•••.com", gap.Question);
    }
}
