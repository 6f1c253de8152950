using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;
using static SelfServiceBot.Costs.Ledger.ContactOutcomes;
using static SelfServiceBot.Costs.Tests.Infrastructure.Contacts;

namespace SelfServiceBot.Costs.Tests.Reports;

/// <summary>
/// Every figure of the contract over a small March, on both databases. The expected values are the contract's formulas
/// written out here with this dataset's counts, so a reader can check each against the page.
/// </summary>
public class CostReportTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static DateTimeOffset At(int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    private static async Task<CostReport> MarchAsync(LedgerHarness h)
    {
        await SaveAsync(h,
            Closed(DeflectedConfirmed, "A", At(3, 2), category: "orders", article: "track-order", inputTokens: 1000, outputTokens: 200, csat: 5),
            Closed(DeflectedAssumed, "B", At(3, 3), locale: "zh-CN", category: "orders", article: "track-order", inputTokens: 500, outputTokens: 100),
            // C comes back exactly 7 days after: the window (ended_at, ended_at + 7 days] includes its end.
            Closed(DeflectedAssumed, "C", At(3, 4), category: "returns", article: "refund-time"),
            Closed(Escalated, "C", At(3, 11), channel: "msteams", category: "payment", reason: "explicit_request", handleMinutes: 10, csat: 3),
            // D comes back one second after its window: durable.
            Closed(DeflectedConfirmed, "D", At(3, 20, 9), category: "orders", article: "track-order"),
            Closed(Abandoned, "D", At(3, 27, 9, 0, 1), category: "orders"),
            Closed(Escalated, "E", At(3, 21), category: "returns", reason: "low_confidence", csat: 4),
            Closed(Unengaged, "F", At(3, 22)),
            Closed(HumanDirect, "G", At(3, 23), channel: "phone", category: "payment", handleMinutes: 20, csat: 2),
            // H comes back after the period ends: still a recontact.
            Closed(DeflectedAssumed, "H", At(3, 31, 23), category: "account", article: "reset-password"),
            Closed(Escalated, "H", At(4, 2), category: "account", reason: "explicit_request", handleMinutes: 30),
            // I's next contact is unengaged: not a recontact.
            Closed(DeflectedConfirmed, "I", At(3, 15), category: "shipping", article: "delivery-times"),
            Closed(Unengaged, "I", At(3, 16)),
            Closed(DeflectedAssumed, "J", At(2, 27), category: "orders"));
        var service = h.Services.GetRequiredService<CostReportService>();
        return await service.ReportAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TestModels.Standard(), default);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Counts_rates_and_recontacts_follow_the_contract(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        var r = await MarchAsync(h);

        Assert.Equal(12, r.Contacts);
        Assert.Equal((3, 3, 6), (r.DeflectedConfirmed, r.DeflectedAssumed, r.Deflected));
        Assert.Equal((2, 1, 2, 1), (r.Escalated, r.Abandoned, r.Unengaged, r.HumanDirect));
        Assert.Equal(12 - 2 - 1, r.Engaged);
        Assert.Equal(2, r.Recontacted);                 // C (at the window's edge) and H (after the period)
        Assert.Equal(6 - 2, r.DurableDeflected);
        Assert.Equal(6m / 9, r.DeflectionRate);
        Assert.Equal(4m / 9, r.DurableDeflectionRate);
        Assert.Equal(2m / 9, r.EscalationRate);
        Assert.Equal(1m / 9, r.AbandonmentRate);
        Assert.Equal((9m - 2) / 9, r.ContainmentRate);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_cost_figure_follows_the_contract(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        var r = await MarchAsync(h);

        var L = ((3000m + 200) * (1 + 0.25m) + 1200m / 12 + 300 + 600m / 12 + 100) * (1 + 0.1m);
        var P = 160m * 60 * (1 - 0.3m) * 0.8m;
        var m = L / P;
        var H = (10m + 20) / 2;                          // escalated C and human_direct G have one; E has none
        var humanCpc = m * H + 0.5m;
        var botFixed = (500m + 200 + 10 * 40 + 12000m / 12) * 1;
        var botVariable = (1500m * 2 + 300m * 8) / 1_000_000 + 0.01m * 9;
        var botTotal = botFixed + botVariable;
        var humanTotal = (m * 10 + 0.5m) + (m * H + 0.5m) + (m * 20 + 0.5m);
        var gross = 4 * humanCpc;

        Assert.Equal(1m, r.Months);
        Same(L, r.L);
        Same(P, r.P);
        Same(m, r.M);
        Same(H, r.H);
        Same(humanCpc, r.HumanCpc);
        Same(10 * L * 1 / 3, r.HumanCpcAllocated);
        Same(botFixed, r.BotFixed);
        Same(botVariable, r.BotVariable);
        Same(botTotal, r.BotTotal);
        Same(botTotal / 9, r.BotCpc);
        Same(botTotal / 6, r.CostPerDeflection);
        Same(gross, r.GrossSavings);
        Same(gross - botTotal, r.NetSavings);
        Same((gross - botTotal) / botTotal, r.Roi);
        Same(humanTotal, r.HumanTotal);
        Same((botTotal + humanTotal) / (9 + 1), r.BlendedCpc);
        Same(humanCpc - (botTotal + humanTotal) / 10, r.SavingsPerContact);
        var monthlyNet = (gross - botTotal + 12000m / 12 * 1) / 1;
        Assert.Equal(monthlyNet > 0 ? 12000m / monthlyNet : null, r.PaybackMonths);
        Same(humanTotal - 40, r.Budget!.Human!.Variance);
        Same((humanTotal - 40) / 40, r.Budget.Human.VarianceShare);
        Same(botTotal - 2000, r.Budget.Bot!.Variance);
    }

    /// <summary>Equal to 12 decimal places: the same formula evaluated in another order differs in the 28th digit.</summary>
    private static void Same(decimal? expected, decimal? actual) =>
        Assert.Equal(expected is { } e ? Math.Round(e, 12) : (decimal?)null, actual is { } a ? Math.Round(a, 12) : (decimal?)null);

    [Theory, MemberData(nameof(Providers))]
    public async Task Breakdowns_csat_and_trend_add_up(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        var r = await MarchAsync(h);
        var m = r.M!.Value;

        var teams = Assert.Single(r.ByChannel, x => x.Key == "msteams");
        Assert.Equal((1, 1, 0), (teams.Contacts, teams.Escalated, teams.Deflected));
        Same(m * 10 + 0.5m, teams.HumanCost);
        Assert.Equal(r.Contacts, r.ByChannel.Sum(x => x.Contacts));
        Assert.Equal(1, Assert.Single(r.ByLocale, x => x.Key == "zh-CN").Deflected);

        // payment: C (10 min) + G (20 min); returns: E (H); orders, account, shipping, unknown: none.
        Assert.Equal(["payment", "returns"], r.ByCategory.Take(2).Select(x => x.Category));
        Same(m * 30 + 1m, r.ByCategory[0].HumanCost);
        Same(m * r.H + 0.5m, r.ByCategory[1].HumanCost);
        Assert.Equal("A", r.ByCategory[0].Abc);
        var paymentShare = (m * 30 + 1m) / r.HumanTotal;
        Assert.Equal(paymentShare < 0.55m ? "A" : paymentShare < 0.85m ? "B" : "C", r.ByCategory[1].Abc);

        var track = Assert.Single(r.ByArticle, x => x.ArticleId == "track-order");
        Assert.Equal((3, 3), (track.Deflected, track.DurableDeflected));
        Assert.Equal(3 * r.HumanCpc, track.Savings);
        Assert.Equal(0, Assert.Single(r.ByArticle, x => x.ArticleId == "refund-time").DurableDeflected);

        Assert.Equal(1, Assert.Single(r.ByEscalationReason, x => x.Reason == "explicit_request").Count);   // H's is in April
        Same(m * r.H + 0.5m, Assert.Single(r.ByEscalationReason, x => x.Reason == "low_confidence").HumanCost);

        Assert.Equal(new CsatRow(1, 5m, 1m), r.Csat.BotOnly);
        Assert.Equal(new CsatRow(2, 3.5m, 0.5m), r.Csat.Escalated);
        Assert.Equal(new CsatRow(1, 2m, 0m), r.Csat.HumanDirect);

        Assert.Equal("day", r.Trend.Granularity);
        Assert.Equal(31, r.Trend.Points.Count);
        Assert.Equal(r.Contacts, r.Trend.Points.Sum(p => p.Contacts));
        var march4 = Assert.Single(r.Trend.Points, p => p.Start == "2026-03-04");
        Assert.Equal((1, 0), (march4.Deflected, march4.DurableDeflected));
    }
}
