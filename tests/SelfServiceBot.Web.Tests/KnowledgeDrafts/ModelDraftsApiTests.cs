using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.AI.Tests.Chat;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.Web.Tests.Costs;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.KnowledgeDrafts;

/// <summary>
/// The knowledge gaps' "Draft" with a model (the stub, over real HTTP): a resolved hand-off on the gap's question prefills
/// the draft; a reply that is not the article JSON, or no such chat, gives today's draft; each call is a model_called event.
/// </summary>
public sealed class ModelDraftsApiTests : IAsyncLifetime
{
    private const string Question = "Can I return a sofa after 40 days?";
    private ChatCompletionsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ChatCompletionsStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private AppServer App() => new(new Dictionary<string, string?>
    {
        ["AI:Chat:Provider"] = "OpenAICompatible", ["AI:Chat:Endpoint"] = _stub.Address + "/v1", ["AI:Chat:Model"] = "support-chat",
    });

    [Fact]
    public async Task A_gap_with_a_resolved_chat_on_its_question_is_prefilled_by_the_model_and_the_call_is_recorded_on_that_chat()
    {
        _stub.Reply(new StubReply("""{"title": "Can I return furniture after 30 days?", "questions": ["How long do I have to return a sofa?", "Furniture return window"], "answer": "Furniture can be returned within 60 days of delivery. Questions: write to returns.team@example.com."}""",
            InputTokens: 300, OutputTokens: 70));
        using var app = App();
        await SeedResolvedChatAsync(app);
        var manager = await StaffSessions.ApiClientAsync(app, "Manager");

        var (status, body) = await PostGapAsync(manager, new { question = Question, category = "returns" });

        Assert.Equal(HttpStatusCode.Created, status);
        var draft = (await app.Services.GetRequiredService<KnowledgeDraftStore>().FindAsync((long)body["id"]!, default))!;
        // The model's answer is masked like any text leaving for it: an e-mail address it copied from the chat does not stay readable.
        Assert.Equal(("Can I return furniture after 30 days?", "Furniture can be returned within 60 days of delivery. Questions: write to r•••@•••.com.", "en", "returns", Question),
            (draft.Title, draft.Answer, draft.Locale, draft.Category, draft.SourceReference));
        Assert.Contains("Furniture return window", draft.QuestionsJson, StringComparison.Ordinal);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(["system", "user", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal($"<question>\n{Question}\n</question>", request.Messages[1].Content);
        Assert.Contains("Agent: Yes, furniture can be returned within 60 days.", request.Messages[2].Content, StringComparison.Ordinal);
        var called = Assert.Single(await ModelCallsAsync(app));
        Assert.Equal(("directline", "sofa-chat"), (called.ChannelId, called.ConversationId));
        Assert.StartsWith("handoff/", called.IdempotencyKey, StringComparison.Ordinal);
        var data = JsonNode.Parse(called.DataJson!)!;
        Assert.Equal(("article_draft", "completed", 300, 70), ((string)data["feature"]!, (string)data["outcome"]!, (int)data["inputTokens"]!, (int)data["outputTokens"]!));

        // The same gap again returns the open draft, without asking the model again.
        var (again, againBody) = await PostGapAsync(manager, new { question = Question, category = "returns" });
        Assert.Equal((HttpStatusCode.OK, (long)body["id"]!), (again, (long)againBody["id"]!));
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task Garbage_from_the_model_gives_todays_draft_and_is_recorded_as_rejected_and_a_gap_without_a_chat_asks_nothing()
    {
        _stub.Reply(new StubReply("Sure! Furniture can be returned, I think."));
        using var app = App();
        await SeedResolvedChatAsync(app);
        var manager = await StaffSessions.ApiClientAsync(app, "Manager");

        var (_, body) = await PostGapAsync(manager, new { question = Question, category = "returns" });
        var (_, other) = await PostGapAsync(manager, new { question = "Do you deliver on Sundays?", category = "delivery" });

        var store = app.Services.GetRequiredService<KnowledgeDraftStore>();
        var draft = (await store.FindAsync((long)body["id"]!, default))!;
        Assert.Equal((Question, ""), (draft.Title, draft.Answer));
        Assert.Equal(("Do you deliver on Sundays?", ""), ((await store.FindAsync((long)other["id"]!, default))!.Title, (await store.FindAsync((long)other["id"]!, default))!.Answer));
        Assert.Single(_stub.Requests);
        var called = Assert.Single(await ModelCallsAsync(app));
        Assert.Equal("rejected", (string)JsonNode.Parse(called.DataJson!)!["outcome"]!);
    }

    private static async Task SeedResolvedChatAsync(AppServer app)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var handoff = new HandoffRequestRecord
        {
            Reference = "H-SOFA", ChannelId = "directline", ConversationId = "sofa-chat", UserId = "u-sofa", Locale = "en", Reason = "low_confidence",
            LastCustomerText = Question, RequestedAt = now, Status = HandoffStatus.Closed, ClosedAt = now, Resolved = true,
            TranscriptJson = JsonSerializer.Serialize(new[] { new { from = "user", text = Question, at = now } }),
        };
        db.HandoffRequests().Add(handoff);
        await db.SaveChangesAsync();
        db.HandoffMessages().Add(new HandoffMessageRecord { HandoffId = handoff.Id, From = "agent", AgentId = "a1", Text = "Yes, furniture can be returned within 60 days.", At = now });
        await db.SaveChangesAsync();
    }

    private static async Task<List<Data.Entities.ConversationEventRecord>> ModelCallsAsync(AppServer app)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        return await db.ConversationEvents.Where(e => e.Type == "model_called").ToListAsync();
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostGapAsync(HttpClient client, object gap)
    {
        var token = await client.GetFromJsonAsync<JsonObject>("/api/kb/drafts/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/kb/drafts/from-gap") { Content = JsonContent.Create(gap) };
        request.Headers.Add((string)token!["headerName"]!, (string)token["token"]!);
        var response = await client.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }
}
