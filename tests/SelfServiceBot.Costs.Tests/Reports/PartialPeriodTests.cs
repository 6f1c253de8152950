using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;
using static SelfServiceBot.Costs.Ledger.ContactOutcomes;
using static SelfServiceBot.Costs.Tests.Infrastructure.Contacts;

namespace SelfServiceBot.Costs.Tests.Reports;

/// <summary>Monthly inputs over a part of a month, recontacts without a customer, and every ratio over nothing.</summary>
public class PartialPeriodTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static DateTimeOffset At(int day, int hour = 12) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

    private static Task<CostReport> ReportAsync(LedgerHarness h, DateOnly from, DateOnly to, CostModel model) =>
        h.Services.GetRequiredService<CostReportService>().ReportAsync(from, to, model, default);

    [Theory, MemberData(nameof(Providers))]
    public async Task Half_a_march_scales_every_monthly_input_by_fourteen_thirty_firsts(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        await SaveAsync(h,
            Closed(DeflectedConfirmed, "A", At(2), category: "orders"),
            Closed(DeflectedAssumed, "B", At(14, 23), category: "orders"),
            Closed(Escalated, "C", At(10), category: "payment", reason: "policy", handleMinutes: 12),
            // After the half: outside the period.
            Closed(Escalated, "D", At(15), category: "payment", reason: "policy", handleMinutes: 40));
        var model = TestModels.Standard();
        // The bot's only cost is its amortisation, so the payback is positive and shows the months in both places.
        (model.Bot.Hosting, model.Bot.Licences, model.Bot.KbUpkeepHours, model.Bot.PerSessionCost) = (0, 0, 0, 0);

        var r = await ReportAsync(h, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15), model);

        var months = 14m / 31;
        var L = r.L;
        var m = L / r.P;
        var botFixed = 12000m / 12 * months;
        var botTotal = botFixed;
        var gross = 2 * (m * 12 + 0.5m);
        Same(months, r.Months);
        Assert.Equal(12m, r.H);
        Same(botFixed, r.BotFixed);
        Same(botTotal, r.BotTotal);
        Same(10 * L * months / 1, r.HumanCpcAllocated);
        Same(gross, r.GrossSavings);
        Assert.True(gross > 0);
        Same(12000m / ((gross - botTotal + 12000m / 12 * months) / months), r.PaybackMonths);   // = 12000 / (gross / months)
        Same(40m * months, r.Budget!.Human!.Budget);
        Same(m * 12 + 0.5m - 40m * months, r.Budget.Human.Variance);
        Same(2000m * months, r.Budget.Bot!.Budget);
        Assert.Equal(14, r.Trend.Points.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_deflection_without_a_customer_id_is_never_recontacted(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        await SaveAsync(h,
            Closed(DeflectedAssumed, null, At(2)),
            Closed(Escalated, null, At(3)),
            Closed(DeflectedAssumed, "A", At(4)),
            Closed(Escalated, "A", At(5)));

        var r = await ReportAsync(h, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), TestModels.Standard());

        Assert.Equal((2, 1, 1), (r.Deflected, r.Recontacted, r.DurableDeflected));
        Assert.False((await h.ContactsAsync()).Single(c => c.CustomerId is null && c.Outcome == DeflectedAssumed).Recontacted);
    }

    [Fact]
    public void Over_no_engaged_contact_and_a_zero_budget_every_ratio_is_null()
    {
        var period = ReportPeriod.Create(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
        var model = TestModels.Standard();
        model.Budget = new BudgetInputs { HumanBudget = 0, BotBudget = 0 };
        // Only a phone contact: nothing engaged, nothing deflected.
        ContactGroup[] groups = [new() { Outcome = HumanDirect, Count = 1, HandleMilliseconds = 600_000, HandleCount = 1 }];

        var r = CostCalculator.Compute(period, model, "file", groups, []);

        Assert.Equal((0, 1), (r.Engaged, r.HumanDirect));
        Assert.All(new[] { r.DeflectionRate, r.DurableDeflectionRate, r.EscalationRate, r.AbandonmentRate, r.ContainmentRate, r.BotCpc, r.CostPerDeflection },
            Assert.Null);
        Assert.NotNull(r.BlendedCpc);   // (bot_total + human_total) / (0 + 1)
        Assert.Null(r.Budget!.Human!.VarianceShare);
        Assert.Null(r.Budget.Bot!.VarianceShare);
        Assert.Equal(r.HumanTotal, r.Budget.Human.Variance);
        Assert.Null(r.Csat.BotOnly.Mean);
    }

    private static void Same(decimal? expected, decimal? actual) =>
        Assert.Equal(expected is { } e ? Math.Round(e, 12) : (decimal?)null, actual is { } x ? Math.Round(x, 12) : (decimal?)null);
}
