using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.AI.Tests.Chat;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Messages;
using static SelfServiceBot.Web.Tests.Conversation.GroundedAnswers.GroundedAnswerServer;

namespace SelfServiceBot.Web.Tests.Costs;

/// <summary>
/// The whole path of a model's cost: a customer's question answered by the model (the chat stub over real HTTP, reporting
/// its usage), the model_called event the turn writes, the ledger's contact, and the report's tokens and spend.
/// </summary>
public sealed class ModelSpendEndToEndTests
{
    [Fact]
    public async Task A_generated_answer_s_tokens_reach_the_report_priced_by_the_cost_model()
    {
        await using var stub = await ChatCompletionsStub.StartAsync();
        await using var connector = await ConnectorStandIn.StartAsync();
        stub.Reply(new StubReply("Sign in and open My account > Orders, then select Track package [1].", InputTokens: 1_412, OutputTokens: 123));
        using var app = Start(stub, more: new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" });
        var model = ModelSpendReportTests.SimpleModel();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.Services.GetRequiredService<CostModelStore>().SaveAsync(model, today.AddMonths(-1), "test", default);

        using (var client = app.CreateHttpClient())
        {
            var ask = ChannelRequests.Message(connector.ServiceUrl, "How do I track my order?", "webchat");
            (await ChannelRequests.PostAsync(client, ask, token: null)).EnsureSuccessStatusCode();
            // The customer leaves: the contact closes (deflected), and the report counts it.
            var end = ChannelRequests.Message(connector.ServiceUrl, "", "webchat", ask.Conversation!.Id);
            end.Type = ActivityTypes.EndOfConversation;
            (await ChannelRequests.PostAsync(client, end, token: null)).EnsureSuccessStatusCode();
        }
        Assert.Single(stub.Requests);
        var ledger = app.Services.GetRequiredService<ContactLedger>();
        while (await ledger.ApplyNextBatchAsync(default) > 0) { }

        var from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var api = await (await StaffSessions.ApiClientAsync(app, "Manager")).GetStringAsync($"/api/costs/report?from={from}&to={to}");
        var report = JsonDocument.Parse(api).RootElement;

        Assert.Equal((1L, 1L, 1_412L, 123L), (report.GetProperty("engaged").GetInt64(), report.GetProperty("deflected").GetInt64(), report.GetProperty("llm_input_tokens").GetInt64(),
            report.GetProperty("llm_output_tokens").GetInt64()));
        var spend = (1_412 * model.Bot.LlmInputPerMillionTokens + 123 * model.Bot.LlmOutputPerMillionTokens) / 1_000_000m;
        Assert.Equal(spend, report.GetProperty("llm_spend").GetDecimal());
        Assert.Equal(spend + model.Bot.PerSessionCost, report.GetProperty("bot_variable").GetDecimal());
    }
}
