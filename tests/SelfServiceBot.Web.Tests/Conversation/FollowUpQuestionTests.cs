using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.AI.Tests.Chat;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Conversation;

/// <summary>
/// Follow-ups in the running app, with the model at the local stub (real connector, real HTTP): the rewrite is what is
/// searched, the customer_message event keeps the text as written with the rewrite beside it, every call is a model_called
/// event, the first question never calls the model, a failed rewrite searches the message as written, and what leaves is masked.
/// </summary>
public sealed class FollowUpQuestionTests : IAsyncLifetime
{
    private ChatCompletionsStub _stub = null!;
    private string? _rewrite;

    public async Task InitializeAsync()
    {
        _stub = await ChatCompletionsStub.StartAsync();
        // Only the rewrite is scripted: any other feature's call (none with grounded answers off) gets the script's default.
        _stub.Respond(request => request.Messages[0].Content.Contains("standalone question", StringComparison.Ordinal) && _rewrite is not null
            ? new StubReply(_rewrite, InputTokens: 150, OutputTokens: 11)
            : null);
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private AppServer App(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AI:Chat:Provider"] = "OpenAICompatible", ["AI:Chat:Endpoint"] = _stub.Address + "/v1", ["AI:Chat:Model"] = "llama3.1",
            ["AI:Chat:GroundedAnswers"] = "false",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        return new AppServer(settings);
    }

    [Fact]
    public async Task A_follow_up_is_searched_as_the_rewritten_question_and_the_event_keeps_both()
    {
        _rewrite = "How much does delivery cost for furniture?";
        using var app = App();

        await SayAsync(app, "c-en", "1", "en-US", "How much does delivery cost?");
        Assert.Empty(_stub.Requests);
        var replies = await SayAsync(app, "c-en", "2", "en-US", "and for furniture?");

        var request = Assert.Single(_stub.Requests);
        var history = request.Messages[1].Content.ReplaceLineEndings("\n");
        Assert.Equal("user", request.Messages[1].Role);
        Assert.Contains("<customer>\nHow much does delivery cost?\n</customer>", history, StringComparison.Ordinal);
        Assert.Contains("What are your delivery charges?", history, StringComparison.Ordinal);
        Assert.EndsWith("<message>\nand for furniture?\n</message>", history, StringComparison.Ordinal);
        Assert.Contains(replies, r => r.Text?.Contains("two-person delivery", StringComparison.Ordinal) == true);

        var events = await EventsAsync(app, "c-en");
        var message = events.Last(e => e.Type == ConversationEventTypes.CustomerMessage);
        Assert.Equal(("and for furniture?", "How much does delivery cost for furniture?"), (message.Text, Data(message)[EventDataKeys.Rewritten].GetString()));
        Assert.False(Data(events.First(e => e.Type == ConversationEventTypes.CustomerMessage)).ContainsKey(EventDataKeys.Rewritten));
        Assert.Equal(["shipping-costs", "shipping-costs"], events.Where(e => e.Type == ConversationEventTypes.AnswerShown).Select(e => e.ArticleId));
        var call = Data(Assert.Single(events, e => e.Type == ConversationEventTypes.ModelCalled));
        Assert.Equal((ModelFeatures.FollowUp, "llama3.1", ModelCallOutcomes.Completed, 150, 11),
            (call[EventDataKeys.Feature].GetString(), call[EventDataKeys.Model].GetString(), call[EventDataKeys.Outcome].GetString(),
                call[EventDataKeys.InputTokens].GetInt32(), call[EventDataKeys.OutputTokens].GetInt32()));
    }

    [Fact]
    public async Task A_chinese_follow_up_is_rewritten_in_chinese_and_answered_from_the_chinese_article()
    {
        _rewrite = "家具的运费多少钱？";
        using var app = App();

        await SayAsync(app, "c-zh", "1", "zh-CN", "运费多少钱？");
        await SayAsync(app, "c-zh", "2", "zh-CN", "那如果是家具呢？");

        var request = Assert.Single(_stub.Requests);
        Assert.Contains("Simplified Chinese", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("<customer>\n运费多少钱？\n</customer>", request.Messages[1].Content.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var events = await EventsAsync(app, "c-zh");
        var message = events.Last(e => e.Type == ConversationEventTypes.CustomerMessage);
        Assert.Equal(("那如果是家具呢？", "家具的运费多少钱？"), (message.Text, Data(message)[EventDataKeys.Rewritten].GetString()));
        Assert.Equal(["zh-shipping-costs", "zh-shipping-costs"], events.Where(e => e.Type == ConversationEventTypes.AnswerShown).Select(e => e.ArticleId));
        Assert.Single(events, e => e.Type == ConversationEventTypes.ModelCalled);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "500", ModelCallOutcomes.Failed },
        { "timeout", ModelCallOutcomes.TimedOut },
        { "garbage", ModelCallOutcomes.Rejected },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_rewrite_searches_the_message_as_written(string failure, string outcome)
    {
        _rewrite = null;
        _stub.Reply(failure switch
        {
            "500" => new StubReply("", Status: 500),
            "timeout" => new StubReply("too late", Delay: TimeSpan.FromSeconds(30)),
            _ => new StubReply("Sure! Here is the question:\nHow much does delivery cost for furniture?"),
        });
        using var app = App(new() { ["AI:Chat:TimeoutSeconds"] = "1" });

        await SayAsync(app, "c-fail", "1", "en-US", "How much does delivery cost?");
        await SayAsync(app, "c-fail", "2", "en-US", "and for furniture?");

        Assert.Single(_stub.Requests);
        var events = await EventsAsync(app, "c-fail");
        Assert.False(Data(events.Last(e => e.Type == ConversationEventTypes.CustomerMessage)).ContainsKey(EventDataKeys.Rewritten));
        // "and for furniture?" on its own finds nothing: no second answer, the customer is offered a person as today.
        Assert.Single(events, e => e.Type == ConversationEventTypes.AnswerShown);
        Assert.Equal(outcome, Data(Assert.Single(events, e => e.Type == ConversationEventTypes.ModelCalled))[EventDataKeys.Outcome].GetString());
    }

    [Fact]
    public async Task Card_numbers_and_e_mail_addresses_reach_the_model_masked_even_when_stored_text_keeps_them()
    {
        _rewrite = "How much does delivery cost for furniture?";
        using var app = App(new() { ["Privacy:Mask:Cards"] = "false", ["Privacy:Mask:Emails"] = "false" });

        await SayAsync(app, "c-mask", "1", "en-US", "How much does delivery cost?");
        await SayAsync(app, "c-mask", "2", "en-US", "and for furniture? card 4111 1111 1111 1111, jane.doe@example.com");

        var sent = Assert.Single(_stub.Requests).Body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.DoesNotContain("4111 1111 1111 1111", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", sent, StringComparison.Ordinal);
        Assert.Contains("•••• •••• •••• 1111", sent, StringComparison.Ordinal);
        Assert.Contains("j•••@•••.com", sent, StringComparison.Ordinal);
        // What the bot stores follows Privacy:Mask, so the masking above is the outbound layer's own.
        Assert.Contains("4111 1111 1111 1111", (await EventsAsync(app, "c-mask")).Last(e => e.Type == ConversationEventTypes.CustomerMessage).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_follow_ups_switched_off_no_call_is_made_and_nothing_is_kept_for_them()
    {
        _rewrite = "How much does delivery cost for furniture?";
        using var app = App(new() { ["AI:Chat:FollowUps"] = "false" });

        await SayAsync(app, "c-off", "1", "en-US", "How much does delivery cost?");
        await SayAsync(app, "c-off", "2", "en-US", "and for furniture?");

        Assert.Empty(_stub.Requests);
        Assert.DoesNotContain(await EventsAsync(app, "c-off"), e => e.Type == ConversationEventTypes.ModelCalled);
    }

    private static async Task<IReadOnlyList<Activity>> SayAsync(AppServer app, string conversation, string id, string locale, string text)
    {
        var sink = new BufferedReplySink();
        var result = await app.Services.GetRequiredService<TurnProcessor>().ProcessAsync(new Activity
        {
            Type = ActivityTypes.Message, Id = id, ChannelId = Channels.DirectLine, Locale = locale, Text = text,
            Conversation = new ConversationAccount { Id = conversation },
            From = new ChannelAccount { Id = "customer" }, Recipient = new ChannelAccount { Id = "bot" },
        }, sink, CancellationToken.None);
        Assert.Equal(TurnOutcome.Processed, result.Outcome);
        return sink.Activities;
    }

    private static async Task<List<ConversationEventRecord>> EventsAsync(AppServer app, string conversation)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await db.ConversationEvents.Where(e => e.ConversationId == conversation).OrderBy(e => e.Id).ToListAsync();
    }

    private static Dictionary<string, JsonElement> Data(ConversationEventRecord record) =>
        record.DataJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(record.DataJson)!;
}
