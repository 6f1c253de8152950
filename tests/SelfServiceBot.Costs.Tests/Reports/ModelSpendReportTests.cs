using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Tests.Infrastructure;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Tests.Reports;

/// <summary>
/// The model's tokens, recorded by model_called events, in the report: totals, llm_spend, the months, and bot_variable,
/// cost per contact and savings computed by hand from the contract's formulas.
/// </summary>
public class ModelSpendReportTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly May = new(2026, 5, 1);

    /// <summary>Four engaged contacts with model calls (three in March, one in April) and an unengaged one.</summary>
    private static async Task ConversationsAsync(LedgerHarness h)
    {
        await h.Conversation("a", user: "A").TurnAsync(At(3, 2), Step.Started(), Step.Message("where is my order"),
            Step.ModelCalled(ModelFeatures.GroundedAnswer, 1500, 150), Step.Answer("track-order", "orders"));
        var b = h.Conversation("b", user: "B");
        await b.TurnAsync(At(3, 3), Step.Started(), Step.Message("I was charged twice, agent please"), Step.Handoff("explicit_request", "payment"));
        await b.HandoffAsync(At(3, 3), "hb", Step.ModelCalled(ModelFeatures.HandoffSummary, 1200, 120));
        await b.HandoffAsync(At(3, 3), "hb", Step.Assigned());
        await b.HandoffAsync(At(3, 3, 11), "hb", Step.Resolved(10m));
        await b.HandoffAsync(At(3, 3, 11), "hb", Step.HandedBack());
        await h.Conversation("c", user: "C").TurnAsync(At(3, 20), Step.Started(), Step.Message("blorp"),
            Step.ModelCalled(ModelFeatures.GroundedAnswer, 1000, 100, used: false), Step.Clarify());
        await h.Conversation("d", user: "D").TurnAsync(At(4, 2), Step.Started(), Step.Message("refund time"),
            Step.ModelCalled(ModelFeatures.GroundedAnswer, 2000, 200), Step.Answer("refund-time", "returns"));
        await h.Conversation("e", user: "E").TurnAsync(At(4, 3), Step.Started());
        await h.CatchUpAtAsync(At(4, 10));
    }

    private static CostModel Priced(decimal input, decimal output)
    {
        var model = TestModels.Standard();
        model.Bot.LlmInputPerMillionTokens = input;
        model.Bot.LlmOutputPerMillionTokens = output;
        return model;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Tokens_are_priced_into_bot_variable_cost_per_contact_and_savings(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        await ConversationsAsync(h);
        var service = h.Services.GetRequiredService<CostReportService>();

        var r = await service.ReportAsync(March, May, Priced(2, 8), default);
        var free = await service.ReportAsync(March, May, Priced(0, 0), default);

        Assert.Equal((4, 2, 1, 1), (r.Engaged, r.Deflected, r.Escalated, r.Abandoned));
        Assert.Equal(1500L + 1200 + 1000 + 2000, r.LlmInputTokens);
        Assert.Equal(150L + 120 + 100 + 200, r.LlmOutputTokens);
        var llmSpend = (5700m * 2 + 570m * 8) / 1_000_000;                 // 0.01596
        Assert.Equal(llmSpend, r.LlmSpend);
        var botFixed = (500m + 200 + 10 * 40 + 12000m / 12) * 2;             // two whole months
        var botVariable = llmSpend + 0.01m * 4;
        Assert.Equal((botFixed, botVariable, botFixed + botVariable), (r.BotFixed, r.BotVariable, r.BotTotal));
        Assert.Equal((botFixed + botVariable) / 4, r.BotCpc);
        var L = ((3000m + 200) * (1 + 0.25m) + 1200m / 12 + 300 + 600m / 12 + 100) * (1 + 0.1m);
        var m = L / (160m * 60 * (1 - 0.3m) * 0.8m);
        var humanCpc = m * 10 + 0.5m;                                        // H = b's 10 minutes
        var netSavings = 2 * humanCpc - (botFixed + botVariable);
        Assert.Equal(netSavings, r.NetSavings);
        var blended = (botFixed + botVariable + humanCpc) / 4;               // human_total = b's cost = human_cpc
        Assert.Equal(blended, r.BlendedCpc);
        Assert.Equal(humanCpc - blended, r.SavingsPerContact);
        // The same contacts with the model free of charge: every figure that includes bot_total moves by llm_spend (to the
        // 12th decimal: the two differ in the order their 28 digits were rounded).
        Assert.Equal((5700L, 570L, 0m), (free.LlmInputTokens, free.LlmOutputTokens, free.LlmSpend));
        Assert.Equal(Round(free.NetSavings - llmSpend), Round(r.NetSavings));
        Assert.Equal(Round(free.BlendedCpc + llmSpend / 4), Round(r.BlendedCpc));
        Assert.Equal(Round(free.BotCpc + llmSpend / 4), Round(r.BotCpc));
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 12) : null;

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_month_has_its_tokens_and_spend_priced_with_the_model_valid_that_day(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        await ConversationsAsync(h);
        var store = h.Services.GetRequiredService<CostModelStore>();
        await store.SaveAsync(Priced(2, 8), new DateOnly(2026, 1, 1), "test", default);
        // The price doubles in the middle of March: c (20 March) and d (2 April) are priced at 4 and 16.
        await store.SaveAsync(Priced(4, 16), new DateOnly(2026, 3, 15), "test", default);

        var r = await h.Services.GetRequiredService<CostReportService>().ReportAsync(March, May, null, default);

        var march = (1500m * 2 + 150m * 8 + 1200m * 2 + 120m * 8 + 1000m * 4 + 100m * 16) / 1_000_000;
        var april = (2000m * 4 + 200m * 16) / 1_000_000;
        Assert.Equal(
            [new LlmMonth("2026-03", 3700, 370, march), new LlmMonth("2026-04", 2000, 200, april)],
            r.Trend.LlmByMonth);
        Assert.Equal(march + april, r.LlmSpend);
        Assert.Equal((5700L, 570L), (r.LlmInputTokens, r.LlmOutputTokens));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Without_model_calls_the_figures_are_zero_and_every_month_is_listed(DatabaseProvider provider)
    {
        await using var h = await LedgerHarness.CreateAsync(provider);
        await h.Conversation("a").TurnAsync(At(3, 2), Step.Started(), Step.Message("where is my order"), Step.Answer("track-order", "orders"));
        await h.CatchUpAtAsync(At(4, 10));

        var r = await h.Services.GetRequiredService<CostReportService>().ReportAsync(new DateOnly(2026, 2, 15), new DateOnly(2026, 4, 10), Priced(2, 8), default);

        Assert.Equal((0L, 0L, 0m), (r.LlmInputTokens, r.LlmOutputTokens, r.LlmSpend));
        Assert.Equal(0.01m * 1, r.BotVariable);
        Assert.Equal([new LlmMonth("2026-02", 0, 0, 0), new LlmMonth("2026-03", 0, 0, 0), new LlmMonth("2026-04", 0, 0, 0)], r.Trend.LlmByMonth);
    }
}
