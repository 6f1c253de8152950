using SelfServiceBot.Costs.Model;
using SelfServiceBot.Costs.Reports;
using static SelfServiceBot.Costs.Ledger.ContactOutcomes;

namespace SelfServiceBot.Costs.Tests.Reports;

/// <summary>The edges of single formulas: partial months, ABC thresholds, zero denominators.</summary>
public class FormulaEdgeTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-04-01", 1, 1)]
    [InlineData("2026-01-15", "2026-03-10", 17 + 31 + 9, 31)]                     // 17/31 + 28/28 + 9/31
    [InlineData("2024-02-01", "2024-02-15", 14, 29)]                                 // leap February
    [InlineData("2026-02-01", "2026-02-02", 1, 28)]
    [InlineData("2025-12-31", "2026-01-02", 31 + 31, 31 * 31)]                       // 1/31 + 1/31 across a year
    public void Months_sum_each_overlapped_month_as_overlap_days_over_its_days(string from, string to, int numerator, int denominator)
    {
        var period = ReportPeriod.Create(DateOnly.Parse(from), DateOnly.Parse(to));
        Assert.Equal(Math.Round((decimal)numerator / denominator, 20), Math.Round(period.Months, 20));
    }

    [Fact]
    public void A_period_that_does_not_end_after_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ReportPeriod.Create(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1)));
    }

    [Theory]
    [InlineData(new[] { 55, 30, 10, 5 }, "ABCC")]   // shares before: 0, 55 (not below 55), 85 (not below 85), 95
    [InlineData(new[] { 54, 31, 10, 5 }, "AACC")]   // 0, 54, 85 (not below 85), 95
    [InlineData(new[] { 54, 30, 11, 5 }, "AABC")]   // 0, 54, 84, 95
    [InlineData(new[] { 90, 5, 5 }, "ACC")]         // the first is A even past 55%
    [InlineData(new[] { 40, 14, 30, 16 }, "AABC")]  // sorted by cost: 40, 30, 16, 14; before: 0, 40, 70, 86
    public void Abc_classes_use_the_cumulative_share_before_each_category(int[] minutes, string expectedInCostOrder)
    {
        var groups = minutes.Select((minutes, i) => new ContactGroup
        {
            Category = "cat" + i, Outcome = Escalated, Count = 1, HandleMilliseconds = minutes * 60_000L, HandleCount = 1,
        }).ToList();
        var money = new Money(M: 1, H: 0, HumanCpc: 1, Human: new HumanCostInputs());

        var rows = Breakdowns.Categories(groups, money);

        Assert.Equal(expectedInCostOrder, string.Concat(rows.Select(r => r.Abc)));
        Assert.Equal(1m, rows[^1].CumulativeShare);
    }

    [Fact]
    public void With_no_contacts_and_an_empty_model_every_ratio_is_null_and_nothing_throws()
    {
        var period = ReportPeriod.Create(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 8));

        var r = CostCalculator.Compute(period, new CostModel(), "file", [], []);

        Assert.Equal(0, r.Contacts);
        Assert.Null(r.DeflectionRate);
        Assert.Null(r.ContainmentRate);
        Assert.Null(r.M);                    // P = 0
        Assert.Null(r.HumanCpc);
        Assert.Null(r.HumanCpcAllocated);
        Assert.Null(r.BotCpc);
        Assert.Null(r.CostPerDeflection);
        Assert.Null(r.Roi);                  // bot_total = 0
        Assert.Null(r.BlendedCpc);
        Assert.Null(r.PaybackMonths);
        Assert.Null(r.Budget);
        Assert.Equal(7, r.Trend.Points.Count);
        Assert.Contains("\"roi\":null", r.ToJson());
        Assert.Contains("\"m\":null", r.ToJson());
    }

    [Fact]
    public void Payback_is_null_when_the_bot_does_not_pay_for_itself()
    {
        var period = ReportPeriod.Create(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
        var model = TestModels.Standard();

        var r = CostCalculator.Compute(period, model, "file", [], []);

        // No deflections: gross 0, so monthly net = 0 - 2100 + 1000 < 0.
        Assert.Null(r.PaybackMonths);
        Assert.Equal(-1m, r.Roi);
        Assert.Equal(model.Human.DefaultHandleMinutes, r.H);
    }

    [Fact]
    public void The_json_uses_the_contracts_names()
    {
        var r = CostCalculator.Compute(ReportPeriod.Create(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)), TestModels.Standard(), "file", [], []);
        using var json = System.Text.Json.JsonDocument.Parse(r.ToJson());
        string[] names = ["contacts", "engaged", "deflected", "deflected_confirmed", "deflected_assumed", "escalated", "abandoned", "unengaged",
            "human_direct", "recontacted", "durable_deflected", "deflection_rate", "durable_deflection_rate", "escalation_rate",
            "abandonment_rate", "containment_rate", "months", "L", "P", "m", "H", "human_cpc", "human_cpc_allocated", "bot_fixed",
            "bot_variable", "bot_total", "bot_cpc", "cost_per_deflection", "gross_savings", "net_savings", "roi", "human_total",
            "blended_cpc", "savings_per_contact", "payback_months", "by_channel", "by_locale", "by_category", "by_article",
            "by_escalation_reason", "csat", "budget"];
        Assert.All(names, n => Assert.True(json.RootElement.TryGetProperty(n, out _), n));
    }
}
