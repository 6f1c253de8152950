using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Web.Tests.DirectLine;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary>
/// <c>privacy erase</c>, run as the real executable against the database of an app two customers talked to over Direct
/// Line: one customer's data is gone from every table, the other's is untouched, and the cost figures stay.
/// </summary>
public class PrivacyCommandTests
{
    [Fact]
    public async Task Erasing_a_user_removes_their_texts_ids_and_contact_details_everywhere_and_keeps_the_figures_and_other_customers()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Costs:LedgerIntervalSeconds"] = "0" });
        using var client = new DirectLineTestClient(app);
        var alice = await TalkAsync(client, "alice-7", "How do I track my order?", "talk to a person", "alice@example.com");
        var bob = await TalkAsync(client, "bob-8", "How do I return an item?");
        var ledger = app.Services.GetRequiredService<ContactLedger>();
        while (await ledger.ApplyNextBatchAsync(default) > 0) { }
        await ledger.CloseIdleAsync(DateTimeOffset.UtcNow.AddMinutes(31), default);
        var contactsBefore = await CountContactsAsync(app);

        var erased = await RunAsync(app, "privacy", "erase", "--user", "alice-7");

        Assert.True(erased.Exit == 0, erased.Stdout + erased.Stderr);
        Assert.StartsWith("Erased user alice-7: 1 conversation(s).", erased.Stdout);
        Assert.Matches(@"DirectLineActivities\s+\d+ deleted", erased.Stdout);
        Assert.Matches(@"ConversationTranscriptLines\s+\d+ deleted", erased.Stdout);
        Assert.Matches(@"HandoffRequests\s+1 kept for the reports, personal fields cleared", erased.Stdout);
        Assert.Matches(@"Contacts\s+1 kept for the reports, personal fields cleared", erased.Stdout);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        var aliceKey = $"directline|{alice}";
        Assert.False(await db.ConversationEvents.AnyAsync(e => e.UserId == "alice-7" || (e.ConversationId == alice && e.Text != null)));
        Assert.False(await db.ConversationTranscriptLines().AnyAsync(l => l.ConversationKey == aliceKey));
        Assert.False(await db.ConversationStates().AnyAsync(s => s.ConversationKey == aliceKey));
        Assert.False(await db.ConversationReferences().AnyAsync(r => r.ConversationKey == aliceKey));
        Assert.False(await db.DirectLineActivities().AnyAsync(a => a.ConversationId == alice));
        Assert.False(await db.DirectLineConversations().AnyAsync(c => c.Id == alice));
        var ticket = await db.HandoffRequests().SingleAsync(h => h.ConversationId == alice);
        Assert.Equal((null, null, null, null), (ticket.UserId, ticket.ContactDetails, ticket.LastCustomerText, ticket.TranscriptJson));
        Assert.Equal("offline", ticket.Status);
        var aliceContact = await db.Contacts().SingleAsync(c => c.ConversationId == alice);
        Assert.Equal((null, null), (aliceContact.CustomerId, aliceContact.Question));
        Assert.NotNull(aliceContact.Outcome);
        Assert.Equal(contactsBefore, await CountContactsAsync(app));
        // Bob is untouched.
        Assert.Contains(await db.ConversationEvents.Where(e => e.ConversationId == bob).Select(e => e.Text).ToListAsync(), t => t == "How do I return an item?");
        Assert.True(await db.DirectLineActivities().AnyAsync(a => a.ConversationId == bob));
        Assert.Equal("bob-8", (await db.Contacts().SingleAsync(c => c.ConversationId == bob)).CustomerId);

        var again = await RunAsync(app, "privacy", "erase", "--user", "alice-7");
        Assert.Equal(1, again.Exit);
        Assert.Contains("Nothing is stored for user alice-7.", again.Stderr);
    }

    [Fact]
    public async Task Erasing_one_conversation_by_its_id_removes_it_and_json_reports_the_counts()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var conversation = await TalkAsync(client, "carol-9", "How do I track my order?");

        var erased = await RunAsync(app, "privacy", "erase", "--conversation", conversation, "--json");

        Assert.True(erased.Exit == 0, erased.Stdout + erased.Stderr);
        var json = JsonNode.Parse(erased.Stdout)!;
        Assert.Equal(1, (int)json["conversations"]!);
        Assert.True((int)json["deleted"]!["DirectLineActivities"]! >= 2);
        Assert.True((int)json["cleared"]!["ConversationEvents"]! >= 1);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        Assert.False(await db.ConversationEvents.AnyAsync(e => e.ConversationId == conversation && (e.Text != null || e.UserId != null)));
    }

    [Theory]
    [InlineData("privacy", 2, "privacy needs a command: erase.")]
    [InlineData("privacy forget --user x", 2, "unknown 'privacy' command 'forget'; use erase.")]
    [InlineData("privacy erase", 2, "privacy erase needs exactly one of --user ID or --conversation ID.")]
    [InlineData("privacy erase --user a --conversation b", 2, "privacy erase needs exactly one of --user ID or --conversation ID.")]
    [InlineData("privacy erase --user nobody", 1, "Nothing is stored for user nobody.")]
    public async Task Bad_input_gets_a_clear_error_and_a_non_zero_exit(string arguments, int exit, string error)
    {
        using var app = new AppServer();

        var result = await RunAsync(app, arguments.Split(' '));

        Assert.Equal(exit, result.Exit);
        Assert.Contains(error, result.Stderr);
    }

    /// <summary>A Direct Line conversation as <paramref name="userId"/>: each message posted and answered; its id.</summary>
    private static async Task<string> TalkAsync(DirectLineTestClient client, string userId, params string[] messages)
    {
        var generated = await client.GenerateTokenAsync(json: new JsonObject { ["user"] = new JsonObject { ["id"] = userId } }.ToJsonString());
        var started = await client.SendAsync(HttpMethod.Post, "conversations", (string)generated["token"]!);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await DirectLineTestClient.ReadOkAsync(started);
        var (id, token) = ((string)conversation["conversationId"]!, (string)conversation["token"]!);
        foreach (var text in messages)
        {
            var posted = await client.PostMessageAsync(id, token, text);
            await client.PollUntilAsync(id, token, seen => seen.Any(a => DirectLineTestClient.IsBotReplyTo(a, posted)));
        }
        return id;
    }

    private static async Task<int> CountContactsAsync(AppServer app)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        return await db.Contacts().CountAsync(c => c.Outcome != null);
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(AppServer app, params string[] args) =>
        AppServerCli.RunAsync(app, null, args);
}
