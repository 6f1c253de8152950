using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.AgentConsole;
using SelfServiceBot.Web.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.AgentConsole;

/// <summary>The console's hub over a real SignalR connection with a signed-in cookie.</summary>
public class AgentHubTests
{
    private const string Password = "Correct-horse-9";

    [Fact]
    public async Task Canned_replies_come_from_the_knowledge_base_in_the_customers_language()
    {
        using var app = new AppServer();
        await using var hub = await ConnectAsync(app, "anna@example.com", StaffRoles.Agent);

        var english = await hub.InvokeAsync<List<AgentHub.Reply>>("SearchReplies", "track my order", "en");
        var chinese = await hub.InvokeAsync<List<AgentHub.Reply>>("SearchReplies", "订单", "zh-CN");

        Assert.Equal("How do I track my order?", english[0].Title);
        Assert.Contains("订单", chinese[0].Title);
        Assert.Empty(await hub.InvokeAsync<List<AgentHub.Reply>>("SearchReplies", " ", "en"));
    }

    [Fact]
    public async Task An_agent_claims_answers_transfers_and_a_supervisor_sees_the_board_and_drafts_an_article()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Handoff:AutoAssign"] = "false" });
        await using var anna = await ConnectAsync(app, "anna@example.com", StaffRoles.Agent);
        await using var lee = await ConnectAsync(app, "lee@example.com", StaffRoles.Supervisor);
        await anna.InvokeAsync("SetPresence", "online");
        var desk = app.Services.GetRequiredService<HandoffDesk>();
        var placement = await desk.RequestAsync(new NewHandoff("directline", "conv-1", "u1", null, "en", "explicit_request", "orders",
            "Where is my parcel?", null, [], "[]", JsonSerializer.Serialize(new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = "conv-1" } }, BotJson.Options)), default);

        var annaBoard = await anna.InvokeAsync<AgentHub.Board>("GetBoard");
        Assert.True(await anna.InvokeAsync<bool>("Claim", placement.Id));
        Assert.False(await lee.InvokeAsync<bool>("Claim", placement.Id));
        Assert.True(await anna.InvokeAsync<bool>("Send", placement.Id, "It arrives tomorrow before noon."));
        Assert.False(await lee.InvokeAsync<bool>("Send", placement.Id, "not mine to answer"));
        var leeBoard = await lee.InvokeAsync<AgentHub.Board>("GetBoard");
        var draft = await lee.InvokeAsync<AgentHub.DraftProposal>("DraftArticle", placement.Id);
        var refused = await anna.InvokeAsync<AgentHub.DraftSaved>("SaveDraft", placement.Id, draft with { Category = "Orders & more", Title = " " });
        var byAnna = await anna.InvokeAsync<AgentHub.DraftSaved>("SaveDraft", placement.Id, draft with { Questions = ["Has my parcel left?"] });
        var byLee = await lee.InvokeAsync<AgentHub.DraftSaved>("SaveDraft", placement.Id, draft);
        Assert.True((await anna.InvokeAsync<AgentHub.TransferOutcome>("TransferToQueue", placement.Id, "payment/en")).Done);

        Assert.False(annaBoard.Supervisor);
        Assert.Equal(placement.Id, Assert.Single(annaBoard.Open).Id);
        Assert.True(leeBoard.Supervisor);
        Assert.Contains(leeBoard.Agents, a => a.Name == "anna@example.com" && a.Presence == "online" && a.Load == 1);
        Assert.Equal(("Where is my parcel?", "orders", "en", "It arrives tomorrow before noon."), (draft.Title, draft.Category, draft.Locale, draft.Answer));
        Assert.Contains("returns", draft.Categories!);
        Assert.Null(refused.Id);
        Assert.Equal(["Give the article a title.", "'Orders & more' is not a category name: use lower-case letters, digits and dashes, e.g. orders."], refused.Errors);
        Assert.Null(byAnna.ReviewUrl);
        Assert.Equal($"/agent/drafts/{byLee.Id}", byLee.ReviewUrl);
        var stored = (await app.Services.GetRequiredService<KnowledgeDraftStore>().FindAsync(byAnna.Id!.Value, default))!;
        Assert.Equal(("Where is my parcel?", "It arrives tomorrow before noon.", KnowledgeDraftSources.Conversation, placement.Reference, "conv-1", placement.Id, "anna@example.com"),
            (stored.Title, stored.Answer, stored.Source, stored.SourceReference, stored.ConversationId, stored.HandoffId, stored.CreatedBy));
        Assert.Equal(["Has my parcel left?"], KnowledgeDraftStore.QuestionsOf(stored));
        Assert.Equal(("queued", "payment/en"), ((await desk.FindAsync(placement.Id, default))!.Status, (await desk.FindAsync(placement.Id, default))!.Queue));
    }

    internal static async Task<HubConnection> ConnectAsync(AppServer app, string email, string role)
    {
        await StaffClient.CreateUserAsync(app, email, Password, role);
        var client = new StaffClient(app);
        await client.SignInAsync(email, Password);
        var cookies = client.Cookies;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, AgentConsoleExtensions.HubPath), o => o.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
