using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>
/// Model calls recorded in the event log as the features record them (ModelCallData), priced in `costs report --json` and
/// /api/costs/report; every figure below is the contract's formula over this data, computed by hand.
/// </summary>
public class ModelSpendReportTests
{
    private static readonly DateTimeOffset March2 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Round numbers: L = 3000, P = 9600, m = 0.3125, H = 8 (no handle times), so human_cpc = 2.5.</summary>
    internal static CostModel SimpleModel() => new()
    {
        Human = new HumanCostInputs { Agents = 10, MonthlySalary = 3000, PaidHours = 160, Occupancy = 1, DefaultHandleMinutes = 8 },
        Bot = new BotCostInputs { Hosting = 300, LlmInputPerMillionTokens = 0.15m, LlmOutputPerMillionTokens = 0.60m, PerSessionCost = 0.002m },
    };

    /// <summary>An answered contact (a grounded answer, then a follow-up) and an escalated one (its hand-off summary).</summary>
    internal static async Task RecordConversationsAsync(IConversationEvents events)
    {
        ConversationEvent Event(string conversation, string key, TimeSpan after, string type, Dictionary<string, object?>? data = null,
            string? article = null, string? text = null, string? reason = null) => new()
        {
            Type = type, IdempotencyKey = key, ChannelId = "directline", ConversationId = conversation, UserId = "customer-" + conversation,
            Locale = "en", OccurredAt = March2 + after, ArticleId = article, Confidence = article is null ? null : 90, Text = text, Reason = reason,
            Data = data,
        };
        static Dictionary<string, object?> Call(string feature, int input, int output) =>
            ModelCallData.For(feature, "gpt-4o-mini", new ChatModelReply(ChatOutcome.Completed, "reply", input, output, TimeSpan.FromMilliseconds(900)));
        var minute = TimeSpan.FromMinutes(1);

        await events.RecordAsync([
            Event("x", "directline/x/1/contact_started/0", TimeSpan.Zero, ConversationEventTypes.ContactStarted),
            Event("x", "directline/x/1/customer_message/0", TimeSpan.Zero, ConversationEventTypes.CustomerMessage, text: "where is my order"),
            Event("x", "directline/x/1/model_called/0", TimeSpan.Zero, ConversationEventTypes.ModelCalled, Call(ModelFeatures.GroundedAnswer, 1500, 150)),
            Event("x", "directline/x/1/answer_shown/0", TimeSpan.Zero, ConversationEventTypes.AnswerShown,
                new() { [EventDataKeys.Category] = "orders", [EventDataKeys.Generated] = true }, article: "track-order"),
        ], default);
        await events.RecordAsync([
            Event("x", "directline/x/2/customer_message/0", minute, ConversationEventTypes.CustomerMessage, text: "and for furniture?"),
            Event("x", "directline/x/2/model_called/0", minute, ConversationEventTypes.ModelCalled, Call(ModelFeatures.FollowUp, 400, 30)),
        ], default);
        await events.RecordAsync([
            Event("y", "directline/y/1/contact_started/0", TimeSpan.Zero, ConversationEventTypes.ContactStarted),
            Event("y", "directline/y/1/customer_message/0", TimeSpan.Zero, ConversationEventTypes.CustomerMessage, text: "I want a person"),
        ], default);
        // The desk's own events, under its hand-off's keys.
        await events.RecordAsync([Event("y", "handoff/h1/handoff_requested/0", TimeSpan.Zero, HandoffEventTypes.HandoffRequested,
            new() { [EventDataKeys.Reference] = "H-TEST1" }, reason: "explicit_request")], default);
        await events.RecordAsync([Event("y", "handoff/h1/model_called/0", minute, ConversationEventTypes.ModelCalled,
            Call(ModelFeatures.HandoffSummary, 1200, 120))], default);
    }

    [Fact]
    public async Task The_cli_and_the_api_price_the_recorded_tokens_into_bot_variable_cost_per_contact_and_savings()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" });
        // A stored version: the CLI (its own process, with appsettings.json) and the API price with the same model.
        await app.Services.GetRequiredService<CostModelStore>().SaveAsync(SimpleModel(), new DateOnly(2026, 1, 1), "test", default);
        await RecordConversationsAsync(app.Services.GetRequiredService<IConversationEvents>());

        var (exit, cli, error) = await CostsApiTests.RunCliAsync(app, "costs", "report", "--from", "2026-03-01", "--to", "2026-04-01", "--json");
        var api = await (await StaffSessions.ApiClientAsync(app, "Manager")).GetStringAsync("/api/costs/report?from=2026-03-01&to=2026-04-01");

        Assert.True(exit == 0, error);
        Assert.Equal(api, cli.Trim());
        var r = JsonDocument.Parse(api).RootElement;
        decimal Figure(string name) => r.GetProperty(name).GetDecimal();
        Assert.Equal((2, 1, 1), (r.GetProperty("engaged").GetInt64(), r.GetProperty("deflected").GetInt64(), r.GetProperty("escalated").GetInt64()));
        Assert.Equal((1500 + 400 + 1200, 150 + 30 + 120), (r.GetProperty("llm_input_tokens").GetInt64(), r.GetProperty("llm_output_tokens").GetInt64()));
        var llmSpend = (3100 * 0.15m + 300 * 0.60m) / 1_000_000;            // 0.000645
        Assert.Equal(llmSpend, Figure("llm_spend"));
        var botVariable = llmSpend + 0.002m * 2;
        var botTotal = 300 + botVariable;                                     // one month of hosting
        Assert.Equal((botVariable, botTotal), (Figure("bot_variable"), Figure("bot_total")));
        Assert.Equal(botTotal / 2, Figure("bot_cpc"));
        var humanCpc = 3000m / 9600 * 8;                                      // 2.5
        Assert.Equal(humanCpc, Figure("human_cpc"));
        Assert.Equal(1 * humanCpc - botTotal, Figure("net_savings"));
        var blended = (botTotal + humanCpc) / 2;                              // the escalated contact costs human_cpc
        Assert.Equal(blended, Figure("blended_cpc"));
        Assert.Equal(humanCpc - blended, Figure("savings_per_contact"));
        var march = Assert.Single(r.GetProperty("trend").GetProperty("llm_by_month").EnumerateArray());
        Assert.Equal(("2026-03", 3100, 300, llmSpend), (march.GetProperty("month").GetString(), march.GetProperty("llm_input_tokens").GetInt64(),
            march.GetProperty("llm_output_tokens").GetInt64(), march.GetProperty("llm_spend").GetDecimal()));
    }
}
