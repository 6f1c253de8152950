using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;
using static SelfServiceBot.Costs.Ledger.ContactOutcomes;
using static SelfServiceBot.Costs.Tests.Infrastructure.Contacts;

namespace SelfServiceBot.Costs.Tests.Reports;

/// <summary>
/// A report uses the model valid for its period: a version that starts inside the period splits it, each part is priced
/// with its own model, money adds up over the parts and every ratio is recomputed from the sums.
/// </summary>
public class ModelVersionTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly DateOnly March = new(2026, 3, 1), Change = new(2026, 3, 16), April = new(2026, 4, 1);

    private static DateTimeOffset At(int day, int hour = 12) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>Dearer people, a dearer bot and bigger budgets from 16 March.</summary>
    internal static CostModel Raised()
    {
        var model = TestModels.Standard();
        model.Human.Agents = 12;
        model.Human.MonthlySalary = 3600;
        model.Human.PerContactCost = 0.8m;
        model.Human.DefaultHandleMinutes = 9;
        model.Bot.Hosting = 650;
        model.Bot.PerSessionCost = 0.02m;
        model.Budget = new BudgetInputs { HumanBudget = 60, BotBudget = 2500 };
        return model;
    }

    private static async Task<(long First, long Second)> TwoVersionsAsync(LedgerHarness h)
    {
        await SaveAsync(h,
            Closed(DeflectedConfirmed, "A", At(2), category: "orders", article: "track-order", inputTokens: 1000, outputTokens: 200, csat: 5),
            Closed(Escalated, "B", At(3), channel: "msteams", category: "payment", reason: "explicit_request", handleMinutes: 10, csat: 3),
            Closed(Escalated, "C", At(5), category: "returns", reason: "low_confidence"),
            // D is deflected before the change and comes back after it: recontacted across the boundary.
            Closed(DeflectedAssumed, "D", At(14), category: "returns", article: "refund-time"),
            Closed(Escalated, "D", At(17), category: "returns", reason: "explicit_request", handleMinutes: 6, csat: 4),
            Closed(DeflectedAssumed, "E", At(15, 23), locale: "zh-CN", category: "orders", article: "track-order"),
            Closed(DeflectedConfirmed, "F", At(16, 0), category: "orders", article: "track-order", inputTokens: 300, outputTokens: 50),
            Closed(HumanDirect, "G", At(20), channel: "phone", category: "payment", handleMinutes: 20, csat: 2),
            Closed(Escalated, "H", At(22), category: "account", reason: "policy"),
            Closed(Abandoned, "I", At(25), category: "orders"),
            Closed(Unengaged, "J", At(26)));
        var store = h.Services.GetRequiredService<CostModelStore>();
        var first = await store.SaveAsync(TestModels.Standard(), new DateOnly(2026, 2, 1), "test", default);
        var second = await store.SaveAsync(Raised(), Change, "test", default);
        return (first.Id, second.Id);
    }

    private static Task<CostReport> ReportAsync(LedgerHarness h, DateOnly from, DateOnly to, CostModel? model = null) =>
        h.Services.GetRequiredService<CostReportService>().ReportAsync(from, to, model, default);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_period_inside_one_version_is_the_report_of_that_model_exactly(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        var (first, _) = await TwoVersionsAsync(h);

        var stored = await ReportAsync(h, March, Change);
        var file = await ReportAsync(h, March, Change, TestModels.Standard());

        Assert.Equal($"stored:{first}", stored.ModelSource);
        var version = Assert.Single(stored.ModelVersions);
        Assert.Equal(("2026-03-01", "2026-03-16"), (version.From, version.To));
        Assert.Equal(file.ToJson().Replace("\"model_source\":\"file\"", $"\"model_source\":\"stored:{first}\""), stored.ToJson());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Across_a_version_change_money_is_the_sum_of_the_parts_reports(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        var (first, second) = await TwoVersionsAsync(h);

        var whole = await ReportAsync(h, March, April);
        var a = await ReportAsync(h, March, Change);
        var b = await ReportAsync(h, Change, April);

        Assert.Equal($"stored:{first}, stored:{second}", whole.ModelSource);
        Assert.Equal([("2026-03-01", "2026-03-16", $"stored:{first}"), ("2026-03-16", "2026-04-01", $"stored:{second}")],
            whole.ModelVersions.Select(v => (v.From, v.To, v.ModelSource)));
        Assert.Equal([a.HumanCpc, b.HumanCpc], whole.ModelVersions.Select(v => v.HumanCpc));
        Assert.Equal([a.H, b.H], whole.ModelVersions.Select(v => v.H));
        Assert.Equal(a.Months + b.Months, whole.Months);
        Assert.Equal((a.Contacts + b.Contacts, a.Engaged + b.Engaged, a.Deflected + b.Deflected), (whole.Contacts, whole.Engaged, whole.Deflected));
        Assert.Equal((a.Escalated + b.Escalated, a.HumanDirect + b.HumanDirect), (whole.Escalated, whole.HumanDirect));
        Assert.Equal((1, 1), (a.Recontacted, whole.Recontacted));   // D, recontacted by its escalation after the change
        Assert.Equal(a.DurableDeflected + b.DurableDeflected, whole.DurableDeflected);
        Same(a.BotFixed + b.BotFixed, whole.BotFixed);
        Same(a.BotVariable + b.BotVariable, whole.BotVariable);
        Same(a.BotTotal + b.BotTotal, whole.BotTotal);
        Same(a.HumanTotal + b.HumanTotal, whole.HumanTotal);
        Same(a.GrossSavings + b.GrossSavings, whole.GrossSavings);
        Same(a.NetSavings + b.NetSavings, whole.NetSavings);
        Same(a.Budget!.Human!.Budget + b.Budget!.Human!.Budget, whole.Budget!.Human!.Budget);
        Same(a.Budget.Human.Actual + b.Budget.Human.Actual, whole.Budget.Human.Actual);
        Same(a.Budget.Human.Variance + b.Budget.Human.Variance, whole.Budget.Human.Variance);
        Same(a.Budget.Bot!.Variance + b.Budget.Bot!.Variance, whole.Budget.Bot!.Variance);
        foreach (var row in whole.ByChannel)
        {
            var parts = a.ByChannel.Concat(b.ByChannel).Where(x => x.Key == row.Key).ToList();
            Assert.Equal(parts.Sum(x => x.Contacts), row.Contacts);
            Same(parts.Sum(x => x.HumanCost), row.HumanCost);
            Same(parts.Sum(x => x.GrossSavings), row.GrossSavings);
        }
        foreach (var row in whole.ByCategory)
        {
            var parts = a.ByCategory.Concat(b.ByCategory).Where(x => x.Category == row.Category).ToList();
            Same(parts.Sum(x => x.HumanCost), row.HumanCost);
            Same(parts.Sum(x => x.Savings), row.Savings);
        }
        Same(a.ByArticle.Concat(b.ByArticle).Where(x => x.ArticleId == "track-order").Sum(x => x.Savings),
            Assert.Single(whole.ByArticle, x => x.ArticleId == "track-order").Savings);
        Same(a.ByEscalationReason.Concat(b.ByEscalationReason).Where(x => x.Reason == "explicit_request").Sum(x => x.HumanCost),
            Assert.Single(whole.ByEscalationReason, x => x.Reason == "explicit_request").HumanCost);
        // Day by day, each day belongs to one part: the trend is the parts' trends one after the other.
        Assert.Equal(a.Trend.Points.Concat(b.Trend.Points), whole.Trend.Points);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Across_a_version_change_ratios_come_from_the_sums_and_the_formulas_hold(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        await TwoVersionsAsync(h);

        var r = await ReportAsync(h, March, April);
        var a = await ReportAsync(h, March, Change);
        var b = await ReportAsync(h, Change, April);

        Assert.Equal((decimal)r.Deflected / r.Engaged, r.DeflectionRate);
        Assert.Equal((decimal)r.DurableDeflected / r.Engaged, r.DurableDeflectionRate);
        Assert.Equal((decimal)(r.Engaged - r.Escalated) / r.Engaged, r.ContainmentRate);
        Same(r.BotTotal / r.Engaged, r.BotCpc);
        Same(r.BotTotal / r.Deflected, r.CostPerDeflection);
        Same(r.NetSavings / r.BotTotal, r.Roi);
        Same((r.BotTotal + r.HumanTotal) / (r.Engaged + r.HumanDirect), r.BlendedCpc);
        Same(r.GrossSavings / r.DurableDeflected, r.HumanCpc);
        Same(r.DurableDeflected * r.HumanCpc, r.GrossSavings);
        Same(r.HumanCpc - r.BlendedCpc, r.SavingsPerContact);
        Same((a.L * a.Months + b.L * b.Months) / r.Months, r.L);
        Same((a.P * a.Months + b.P * b.Months) / r.Months, r.P);
        Same(r.L / r.P, r.M);
        Assert.Equal((10m + 6 + 20) / 3, r.H);   // the period's handle times, as the contract defines H
        var team = 10 * a.L * a.Months + 12 * b.L * b.Months;
        Same(team / (r.Escalated + r.HumanDirect), r.HumanCpcAllocated);
        var amortised = 12000m / 12 * r.Months;
        var monthlyNet = (r.GrossSavings!.Value - r.BotTotal + amortised) / r.Months;
        Same(monthlyNet > 0 ? 12000m / monthlyNet : null, r.PaybackMonths);
        Same(r.Budget!.Human!.Variance / r.Budget.Human.Budget, r.Budget.Human.VarianceShare);
        Same((40m * a.Months + 60 * b.Months) / r.Months, r.Budget.Human.MonthlyBudget);
        Assert.Equal(new CsatRow(2, 3.5m, 0.5m), r.Csat.Escalated);   // B (3) and D (4), from both parts
        var total = r.ByCategory.Sum(c => c.HumanCost);
        Assert.All(r.ByCategory, c => Same(c.HumanCost / total, c.Share));
        Assert.Equal("A", r.ByCategory[0].Abc);
        Assert.Equal(r.ByCategory.OrderByDescending(c => c.HumanCost).Select(c => c.Category), r.ByCategory.Select(c => c.Category));
        var orders = Assert.Single(r.ByChannel, c => c.Key == "webchat");
        Assert.Equal((decimal)orders.Deflected / orders.Engaged, orders.DeflectionRate);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_week_across_the_change_prices_each_day_with_its_version(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        var monday = new DateTimeOffset(2026, 2, 16, 9, 0, 0, TimeSpan.Zero);
        await SaveAsync(h,
            Closed(DeflectedConfirmed, "A", monday),
            Closed(DeflectedConfirmed, "B", monday.AddDays(3)),
            Closed(Escalated, "C", monday.AddDays(4), handleMinutes: 12));
        var store = h.Services.GetRequiredService<CostModelStore>();
        await store.SaveAsync(TestModels.Standard(), new DateOnly(2026, 1, 1), "test", default);
        await store.SaveAsync(Raised(), new DateOnly(2026, 2, 18), "test", default);

        var r = await ReportAsync(h, new DateOnly(2026, 1, 5), new DateOnly(2026, 4, 6));

        Assert.Equal("week", r.Trend.Granularity);
        var week = Assert.Single(r.Trend.Points, p => p.Start == "2026-02-16");
        var (before, after) = (r.ModelVersions[0].HumanCpc, r.ModelVersions[1].HumanCpc);
        Assert.NotEqual(before, after);
        Assert.Equal(2, week.DurableDeflected);
        Same(before + after, week.GrossSavings);
        Same(r.GrossSavings, r.Trend.Points.Sum(p => p.GrossSavings));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Versions_before_the_period_or_from_its_end_do_not_split_it_and_the_last_saved_of_a_day_wins(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        var store = h.Services.GetRequiredService<CostModelStore>();
        await store.SaveAsync(Raised(), new DateOnly(2026, 1, 1), "test", default);
        var start = await store.SaveAsync(TestModels.Standard(), March, "test", default);
        await store.SaveAsync(Raised(), Change, "test", default);
        var sameDay = await store.SaveAsync(TestModels.Standard(), Change, "corrected", default);
        await store.SaveAsync(Raised(), April, "test", default);

        var spans = await store.DuringAsync(March, April, default);
        var beforeAny = await store.DuringAsync(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1), default);

        Assert.Equal([(March, Change, $"stored:{start.Id}"), (Change, April, $"stored:{sameDay.Id}")], spans.Select(s => (s.From, s.To, s.Source)));
        Assert.Equal("configuration", Assert.Single(beforeAny).Source);
    }

    [Fact]
    public async Task A_channel_budgeted_in_only_one_part_has_no_budget_for_the_period()
    {
        await using var h = await LedgerHarness.CreateAsync(DatabaseProvider.Sqlite);
        var noHumanBudget = TestModels.Standard();
        noHumanBudget.Budget = new BudgetInputs { BotBudget = 2000 };
        var store = h.Services.GetRequiredService<CostModelStore>();
        await store.SaveAsync(noHumanBudget, March, "test", default);
        await store.SaveAsync(Raised(), Change, "test", default);

        var r = await ReportAsync(h, March, April);

        Assert.Null(r.Budget!.Human);
        Assert.Equal(2000m * r.ModelVersions[0].Months + 2500m * r.ModelVersions[1].Months, r.Budget.Bot!.Budget);
    }

    /// <summary>Equal to 12 decimal places: the same formula evaluated in another order differs in the 28th digit.</summary>
    private static void Same(decimal? expected, decimal? actual) =>
        Assert.Equal(expected is { } e ? Math.Round(e, 12) : (decimal?)null, actual is { } x ? Math.Round(x, 12) : (decimal?)null);
}
