using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Web.AgentConsole;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.AgentConsole;

/// <summary>
/// Customer data only to those who need it, over real SignalR connections: a live chat's news reaches its agent and the
/// supervisors, never another agent; the roster is for supervisors; roles are read again at every call.
/// </summary>
public class ConsoleAccessTests
{
    private static readonly Dictionary<string, string?> Manual = new() { ["Handoff:AutoAssign"] = "false" };

    [Fact]
    public async Task A_second_agent_receives_nothing_of_another_agents_customer()
    {
        using var app = new AppServer(Manual);
        await using var anna = await AgentHubTests.ConnectAsync(app, "anna@example.com", StaffRoles.Agent);
        await using var ben = await AgentHubTests.ConnectAsync(app, "ben@example.com", StaffRoles.Agent);
        await using var lee = await AgentHubTests.ConnectAsync(app, "lee@example.com", StaffRoles.Supervisor);
        var (annaHeard, benHeard, leeHeard) = (Listen(anna), Listen(ben), Listen(lee));
        await anna.InvokeAsync("SetPresence", "online");
        await ben.InvokeAsync("SetPresence", "online");
        var desk = app.Services.GetRequiredService<HandoffDesk>();
        var placement = await RequestAsync(desk, "conv-anna");
        Assert.True(await anna.InvokeAsync<bool>("Claim", placement.Id));

        var handoff = (await desk.FindAsync(placement.Id, default))!;
        await desk.AddCustomerMessageAsync(handoff, "My card number is 4111 1111 1111 1111", default);
        await desk.CustomerTypingAsync("directline", "conv-anna", default);
        await annaHeard.WaitForAsync($"customerTyping {placement.Id}");
        await leeHeard.WaitForAsync($"customerMessage {placement.Id}");
        // Messages to one connection arrive in order: once ben hears this, anything sent to him before it has arrived too.
        await app.Services.GetRequiredService<IHubContext<AgentHub>>().Clients.All.SendAsync("marker");
        await benHeard.WaitForAsync("marker");
        var benBoard = await ben.InvokeAsync<AgentHub.Board>("GetBoard");
        var annaBoard = await anna.InvokeAsync<AgentHub.Board>("GetBoard");
        var leeBoard = await lee.InvokeAsync<AgentHub.Board>("GetBoard");

        Assert.Contains($"customerMessage {placement.Id}", annaHeard.Seen);
        Assert.DoesNotContain(benHeard.Seen, s => s.StartsWith("customer", StringComparison.Ordinal));
        Assert.Null(await ben.InvokeAsync<AgentHub.Chat?>("Open", placement.Id));
        Assert.Null(await ben.InvokeAsync<AgentHub.DraftProposal?>("DraftArticle", placement.Id));
        Assert.Empty(benBoard.Open);
        Assert.Equal(placement.Id, Assert.Single(annaBoard.Open).Id);
        Assert.Equal(placement.Id, Assert.Single(leeBoard.Open).Id);
        Assert.Contains(await lee.InvokeAsync<AgentHub.Chat?>("Open", placement.Id) is { } chat ? chat.Lines : [], l => l.Text.Contains("4111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_roster_goes_to_supervisors_and_agents_see_only_whom_they_can_transfer_to()
    {
        using var app = new AppServer(Manual);
        await using var anna = await AgentHubTests.ConnectAsync(app, "anna@example.com", StaffRoles.Agent);
        await using var ben = await AgentHubTests.ConnectAsync(app, "ben@example.com", StaffRoles.Agent);
        await using var lee = await AgentHubTests.ConnectAsync(app, "lee@example.com", StaffRoles.Supervisor);
        await ben.InvokeAsync("SetPresence", "online");

        var annaBoard = await anna.InvokeAsync<AgentHub.Board>("GetBoard");
        var leeBoard = await lee.InvokeAsync<AgentHub.Board>("GetBoard");

        Assert.Empty(annaBoard.Agents);
        Assert.Equal(["ben@example.com"], annaBoard.Colleagues.Select(c => c.Name));
        Assert.Equal(["anna@example.com", "ben@example.com", "lee@example.com"], leeBoard.Agents.Select(a => a.Name));
    }

    [Fact]
    public async Task A_demoted_supervisor_loses_the_roster_and_other_agents_chats_without_reconnecting()
    {
        using var app = new AppServer(Manual);
        await using var anna = await AgentHubTests.ConnectAsync(app, "anna@example.com", StaffRoles.Agent);
        await using var lee = await AgentHubTests.ConnectAsync(app, "lee@example.com", StaffRoles.Supervisor);
        await anna.InvokeAsync("SetPresence", "online");
        var desk = app.Services.GetRequiredService<HandoffDesk>();
        var placement = await RequestAsync(desk, "conv-anna");
        Assert.True(await anna.InvokeAsync<bool>("Claim", placement.Id));
        Assert.True((await lee.InvokeAsync<AgentHub.Board>("GetBoard")).Supervisor);

        await ChangeRolesAsync(app, "lee@example.com", remove: StaffRoles.Supervisor, add: StaffRoles.Agent);
        var board = await lee.InvokeAsync<AgentHub.Board>("GetBoard");

        Assert.False(board.Supervisor);
        Assert.Empty(board.Agents);
        Assert.Empty(board.Open);
        Assert.Null(await lee.InvokeAsync<AgentHub.Chat?>("Open", placement.Id));
        var readers = await app.Services.GetRequiredService<ConsoleAccess>().ReadersAsync((await desk.FindAsync(placement.Id, default))!.AgentId, default);
        Assert.Contains((await anna.InvokeAsync<AgentHub.Board>("GetBoard")).Me, readers);
        Assert.DoesNotContain(board.Me, readers);
    }

    [Theory]
    [InlineData("role taken away")]
    [InlineData("password reset")]
    public async Task An_agent_whose_access_ends_is_disconnected_at_the_next_call(string change)
    {
        using var app = new AppServer(Manual);
        await using var anna = await AgentHubTests.ConnectAsync(app, "anna@example.com", StaffRoles.Agent);
        var closed = new TaskCompletionSource();
        anna.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await anna.InvokeAsync<AgentHub.Board>("GetBoard");

        if (change == "role taken away")
        {
            await ChangeRolesAsync(app, "anna@example.com", remove: StaffRoles.Agent, add: StaffRoles.Manager);
        }
        else
        {
            // users reset-password: a new security stamp, which the connection's cookie no longer carries.
            await using var scope = app.Services.CreateAsyncScope();
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ResetPasswordAsync("anna@example.com")).Outcome.Succeeded);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => anna.InvokeAsync<AgentHub.Board>("GetBoard"));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, anna.State);
    }

    [Fact]
    public async Task A_chat_goes_only_to_an_online_console_user_or_an_existing_queue_and_otherwise_stays_with_its_agent()
    {
        using var app = new AppServer(Manual);
        await using var anna = await AgentHubTests.ConnectAsync(app, "anna@example.com", StaffRoles.Agent);
        await using var ben = await AgentHubTests.ConnectAsync(app, "ben@example.com", StaffRoles.Agent);
        var benId = (await ben.InvokeAsync<AgentHub.Board>("GetBoard")).Me;
        await anna.InvokeAsync("SetPresence", "online");
        var desk = app.Services.GetRequiredService<HandoffDesk>();
        var placement = await RequestAsync(desk, "conv-anna");
        Assert.True(await anna.InvokeAsync<bool>("Claim", placement.Id));

        var nobody = await anna.InvokeAsync<AgentHub.TransferOutcome>("TransferToAgent", placement.Id, "no-such-agent");
        var offline = await anna.InvokeAsync<AgentHub.TransferOutcome>("TransferToAgent", placement.Id, benId);
        var noQueue = await anna.InvokeAsync<AgentHub.TransferOutcome>("TransferToQueue", placement.Id, "nowhere/en");
        var noLanguage = await anna.InvokeAsync<AgentHub.TransferOutcome>("TransferToQueue", placement.Id, "payment/fr");
        var stillAnnas = (await desk.FindAsync(placement.Id, default))!;
        await ben.InvokeAsync("SetPresence", "online");
        var toBen = await anna.InvokeAsync<AgentHub.TransferOutcome>("TransferToAgent", placement.Id, benId);

        Assert.Equal((false, "There is no such agent to transfer to."), (nobody.Done, nobody.Error));
        Assert.Equal((false, "That agent is not online: pick someone who is, or a queue."), (offline.Done, offline.Error));
        Assert.Equal((false, "There is no such queue: use skill/language, e.g. billing/en or general/zh-CN."), (noQueue.Done, noQueue.Error));
        Assert.False(noLanguage.Done);
        Assert.Equal((HandoffStatus.Assigned, (await anna.InvokeAsync<AgentHub.Board>("GetBoard")).Me), (stillAnnas.Status, stillAnnas.AgentId));
        Assert.Equal((true, (string?)null), (toBen.Done, toBen.Error));
        Assert.Equal(benId, (await desk.FindAsync(placement.Id, default))!.AgentId);
    }

    private static Task<HandoffPlacement> RequestAsync(HandoffDesk desk, string conversationId) =>
        desk.RequestAsync(new NewHandoff("directline", conversationId, "u1", "Customer", "en", "explicit_request", "orders", "Where is my parcel?", null, [], "[]",
            new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount { Id = conversationId } }), default);

    private static async Task ChangeRolesAsync(AppServer app, string email, string remove, string add)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.RemoveFromRoleAsync(user, remove)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, add)).Succeeded);
    }

    private static Heard Listen(HubConnection connection)
    {
        var heard = new Heard();
        connection.On<long, DateTimeOffset>("customerMessage", (id, _) => heard.Add($"customerMessage {id}"));
        connection.On<long>("customerTyping", id => heard.Add($"customerTyping {id}"));
        connection.On("marker", () => heard.Add("marker"));
        return heard;
    }

    private sealed class Heard
    {
        private readonly ConcurrentQueue<string> _seen = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public IReadOnlyList<string> Seen => [.. _seen];

        public void Add(string what)
        {
            _seen.Enqueue(what);
            _arrived.Release();
        }

        public async Task WaitForAsync(string what)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!_seen.Contains(what))
            {
                await _arrived.WaitAsync(timeout.Token);
            }
        }
    }
}
