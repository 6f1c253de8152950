using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Import;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Tests.Import;

public class ContactImporterTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly string Header = ContactCsv.Header;

    private static Task<ImportResult> ImportAsync(LedgerHarness h, string csv) =>
        h.Services.GetRequiredService<ContactImporter>().ImportAsync(new StringReader(csv), default);

    [Theory, MemberData(nameof(Providers))]
    public async Task Good_rows_load_and_bad_rows_are_reported_with_their_line_and_reason(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        var csv = $"""
            {Header}
            p-1,cust-9,phone,en,2026-03-02T09:00:00Z,2026-03-02T09:12:00Z,human_direct,payment,,,"12.5",4,,
            p-2,cust-9,phone,en,2026-03-02T10:00:00Z,,escalated,payment,,policy,,,0,0
            p-3,,email,en,yesterday,,human_direct,,,,,,,
            p-4,,email,en,2026-03-02T10:00:00Z,,resolved,,,,,,,
            p-5,,email,en,2026-03-02T10:00:00Z,,human_direct,,,,-3,,,
            p-6,,email,en,2026-03-02T10:00:00Z,,human_direct,,,,,7,,
            "p-7","cust, with comma",webchat,zh-CN,2026-03-03T08:00:00+08:00,,deflected_assumed,orders,track-order,,,,120,30
            """;

        var result = await ImportAsync(h, csv);

        Assert.Equal((3, 0), (result.Inserted, result.Updated));
        Assert.Equal([4, 5, 6, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("started_at 'yesterday'", result.Errors[0].Reason);
        Assert.Contains("outcome 'resolved'", result.Errors[1].Reason);
        Assert.Contains("handle_minutes '-3'", result.Errors[2].Reason);
        Assert.Contains("csat '7'", result.Errors[3].Reason);
        var contacts = (await h.ContactsAsync()).ToDictionary(c => c.ContactKey);
        Assert.Equal(750_000L, contacts["p-1"].HandleMilliseconds);
        Assert.Equal("cust, with comma", contacts["p-7"].CustomerId);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), contacts["p-7"].StartedAt);
        Assert.Equal((120L, 30L), (contacts["p-7"].LlmInputTokens, contacts["p-7"].LlmOutputTokens));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Importing_a_contact_again_updates_it_and_recomputes_recontacts(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        await ImportAsync(h, $"""
            {Header}
            a-1,cust-1,webchat,en,2026-03-02T09:00:00Z,2026-03-02T09:05:00Z,deflected_confirmed,orders,track-order,,,,,
            a-2,cust-1,phone,en,2026-03-05T09:00:00Z,,human_direct,orders,,,,,,
            """);
        Assert.True((await h.ContactsAsync()).Single(c => c.ContactKey == "a-1").Recontacted);

        // The later contact turns out to be a week later: no longer in the 7-day window.
        var again = await ImportAsync(h, $"""
            {Header}
            a-2,cust-1,phone,en,2026-03-10T09:00:00Z,,human_direct,orders,,,9,,,
            """);

        Assert.Equal((0, 1), (again.Inserted, again.Updated));
        var contacts = await h.ContactsAsync();
        Assert.Equal(2, contacts.Count);
        Assert.False(contacts.Single(c => c.ContactKey == "a-1").Recontacted);
        Assert.Equal(540_000L, contacts.Single(c => c.ContactKey == "a-2").HandleMilliseconds);
    }

    [Fact]
    public async Task A_file_without_the_contract_header_is_refused_before_anything_loads()
    {
        await using var h = await LedgerHarness.CreateAsync(DatabaseProvider.Sqlite);

        var error = await Assert.ThrowsAsync<FormatException>(() => ImportAsync(h, "id,outcome\n1,escalated\n"));

        Assert.Contains("header lacks contact_id", error.Message);
        Assert.Empty(await h.ContactsAsync());
    }

    [Fact]
    public async Task Exported_rows_import_back_unchanged()
    {
        await using var h = await LedgerHarness.CreateAsync(DatabaseProvider.Sqlite);
        await ImportAsync(h, $""""
            {Header}
            x-1,"c ""q""",msteams,en,2026-03-02T09:00:00Z,2026-03-02T09:30:00Z,escalated,returns,refund-status,negative_feedback,7.25,2,10,20
            """");
        var exported = ContactCsv.Row((await h.ContactsAsync()).Single());

        Assert.Equal("x-1,\"c \"\"q\"\"\",msteams,en,2026-03-02T09:00:00Z,2026-03-02T09:30:00Z,escalated,returns,refund-status,negative_feedback,7.25,2,10,20", exported);
        Assert.Equal(ContactOutcomes.Escalated, (await h.ContactsAsync()).Single().Outcome);
    }
}
