using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.AI;
using SelfServiceBot.AI.Tests.Chat;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Handoff.Briefs;
using SelfServiceBot.Handoff.Customers;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Handoff.Tests.Infrastructure;

namespace SelfServiceBot.Handoff.Tests.Briefs;

/// <summary>
/// Briefs are asked for once per hand-off and language whoever opens the chat (two consoles, or instances, on one database),
/// a brief left pending by a stopped instance is taken over, and each call is one model_called event that a retry cannot double.
/// </summary>
public sealed class HandoffBriefsTests : IAsyncLifetime
{
    private const string Brief = "PROBLEM: Parcel late.\nOFFERED: Tracking.\nREFERENCES: none\nMOOD: calm";
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private ChatCompletionsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ChatCompletionsStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private Task<TestDatabase> DatabaseAsync(DatabaseProvider provider, FixedClock clock) => TestDatabase.CreateAsync(provider,
        services => services.AddSingleton<TimeProvider>(clock).AddSingleton<ICustomerMessenger, RecordingMessenger>().AddHandoff().AddAI(),
        new Dictionary<string, string?>
        {
            ["Handoff:AutoAssign"] = "false", ["AI:Chat:Provider"] = "OpenAICompatible", ["AI:Chat:Endpoint"] = _stub.Address + "/v1", ["AI:Chat:Model"] = "support-chat",
        });

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task Two_consoles_opening_at_once_ask_the_model_once_per_language_and_read_the_stored_brief(DatabaseProvider provider)
    {
        _stub.Reply(new StubReply(Brief, InputTokens: 90, OutputTokens: 20));
        await using var db = await DatabaseAsync(provider, new FixedClock(Start));
        var handoff = await RequestAsync(db);
        // Two services on one database: as two instances of the app would be.
        var (one, two) = (db.Services.GetRequiredService<HandoffBriefs>(), ActivatorUtilities.CreateInstance<HandoffBriefs>(db.Services));

        var opened = await Task.WhenAll(one.FindOrStartAsync(handoff, "en", default), two.FindOrStartAsync(handoff, "en-US", default));
        await Task.WhenAll(one.LastStarted, two.LastStarted);

        Assert.All(opened, view => Assert.Equal("pending", view!.State));
        Assert.Single(_stub.Requests);
        Assert.Equal("Parcel late.", (await two.FindOrStartAsync(handoff, "en", default))!.Brief!.Problem);
        Assert.Equal("pending", (await one.FindOrStartAsync(handoff, "zh-CN", default))!.State);
        await one.LastStarted;
        Assert.Equal(2, _stub.Requests.Count);
        var events = await ModelCallsAsync(db);
        Assert.Equal([$"handoff/{handoff.Id}/model_called/handoff_summary.en.1", $"handoff/{handoff.Id}/model_called/handoff_summary.zh-CN.1"],
            events.Select(e => e.IdempotencyKey));
        Assert.All(events, e => Assert.Equal((handoff.ConversationId, handoff.UserId), (e.ConversationId, e.UserId)));
        using var data = JsonDocument.Parse(events[0].DataJson!);
        Assert.Equal(("handoff_summary", "completed", 90), (data.RootElement.GetProperty("feature").GetString(), data.RootElement.GetProperty("outcome").GetString(),
            data.RootElement.GetProperty("inputTokens").GetInt32()));
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task A_brief_left_pending_by_a_stopped_instance_is_taken_over_and_a_fresh_one_is_left_to_its_instance(DatabaseProvider provider)
    {
        _stub.Reply(new StubReply(Brief));
        var clock = new FixedClock(Start);
        await using var db = await DatabaseAsync(provider, clock);
        var handoff = await RequestAsync(db);
        await using (var context = db.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext())
        {
            context.HandoffBriefs().Add(new HandoffBriefRecord { HandoffId = handoff.Id, Language = "en", StartedAt = Start.AddSeconds(-10) });
            await context.SaveChangesAsync();
        }
        var briefs = db.Services.GetRequiredService<HandoffBriefs>();

        Assert.Equal("pending", (await briefs.FindOrStartAsync(handoff, "en", default))!.State);
        Assert.Empty(_stub.Requests);
        clock.Now = Start.AddMinutes(2);
        Assert.Equal("pending", (await briefs.FindOrStartAsync(handoff, "en", default))!.State);
        await briefs.LastStarted;

        Assert.Single(_stub.Requests);
        Assert.Equal("ready", (await briefs.FindOrStartAsync(handoff, "en", default))!.State);
        Assert.Equal([$"handoff/{handoff.Id}/model_called/handoff_summary.en.2"], (await ModelCallsAsync(db)).Select(e => e.IdempotencyKey));
    }

    [Theory, MemberData(nameof(DeskDatabase.Providers), MemberType = typeof(DeskDatabase))]
    public async Task An_unusable_reply_is_recorded_as_rejected_and_shows_no_brief_without_asking_again(DatabaseProvider provider)
    {
        _stub.Reply(new StubReply("The customer seems upset about something."));
        await using var db = await DatabaseAsync(provider, new FixedClock(Start));
        var handoff = await RequestAsync(db);
        var briefs = db.Services.GetRequiredService<HandoffBriefs>();

        await briefs.FindOrStartAsync(handoff, "en", default);
        await briefs.LastStarted;

        Assert.Null(await briefs.FindOrStartAsync(handoff, "en", default));
        Assert.Single(_stub.Requests);
        using var data = JsonDocument.Parse(Assert.Single(await ModelCallsAsync(db)).DataJson!);
        Assert.Equal("rejected", data.RootElement.GetProperty("outcome").GetString());
    }

    private static async Task<HandoffRequestRecord> RequestAsync(TestDatabase db)
    {
        var desk = db.Services.GetRequiredService<HandoffDesk>();
        var placement = await desk.RequestAsync(DeskDatabase.Request("brief"), default);
        return (await desk.FindAsync(placement.Id, default))!;
    }

    private static async Task<List<Data.Entities.ConversationEventRecord>> ModelCallsAsync(TestDatabase db)
    {
        await using var context = db.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        return await context.ConversationEvents.Where(e => e.Type == "model_called").OrderBy(e => e.IdempotencyKey).ToListAsync();
    }
}
