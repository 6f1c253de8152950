using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Web.AgentConsole;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>How a bot turn's replies reach a Direct Line client: stored together when the bot is done talking, in order.</summary>
public class DirectLineTurnTests
{
    [Fact]
    public async Task A_turns_replies_arrive_in_one_frame_in_order_with_consecutive_ids_right_after_the_echo()
    {
        using var app = new AppServer(services: s => s.AddSingleton<IBot, ThreeRepliesBot>());
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);

        var id = await client.PostMessageAsync(conversationId, token, "count to three");
        var frames = await DirectLineTestClient.ReceiveFramesUntilAsync(socket, seen => seen.Any(a => (string?)a["text"] == "three"));

        var frame = frames.Single(f => f.Activities.Any(a => (string?)a["text"] == "three"));
        var replies = frame.Activities;
        Assert.Equal(["one", "two", "three"], replies.Select(a => (string?)a["text"]));
        Assert.All(replies, a => Assert.Equal(id, (string?)a["replyToId"]));
        Assert.Equal([Sequence(id) + 1, Sequence(id) + 2, Sequence(id) + 3], replies.Select(a => Sequence((string)a["id"]!)));
        Assert.Equal((Sequence(id) + 3).ToString(CultureInfo.InvariantCulture), frame.Watermark);
        // Polling sees the same log.
        var polled = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => (string?)a["text"] == "three"));
        Assert.Equal([id, .. replies.Select(a => (string?)a["id"])], polled.Select(a => (string?)a["id"]));
    }

    [Fact]
    public async Task A_post_answered_before_the_socket_first_sends_still_arrives_as_its_echo_then_the_replies_each_in_a_frame()
    {
        using var app = new AppServer(services: s => s.AddSingleton<IBot, ThreeRepliesBot>());
        // The stream is held after the socket opened, before it sends anything, until the post has been answered: a busy
        // machine's slow first read, made certain.
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Services.GetRequiredService<DirectLineStream>().AfterAccept = () => answered.Task;
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);

        var id = await client.PostMessageAsync(conversationId, token, "count to three");
        answered.SetResult();
        var frames = await DirectLineTestClient.ReceiveFramesUntilAsync(socket, seen => seen.Any(a => (string?)a["text"] == "three"));

        var echo = frames.Single(f => f.Activities.Any(a => (string?)a["id"] == id));
        Assert.Equal([id], echo.Activities.Select(a => (string?)a["id"]));
        var replies = frames.Single(f => f.Activities.Any(a => (string?)a["text"] == "three"));
        Assert.Equal(["one", "two", "three"], replies.Activities.Select(a => (string?)a["text"]));
        Assert.True(frames.IndexOf(echo) < frames.IndexOf(replies));
    }

    [Fact]
    public async Task An_answer_is_one_activity_the_answer_as_text_its_question_attached_and_Yes_No_suggested()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);

        var id = await client.PostMessageAsync(conversationId, token, "How do I track my order?");
        // A typing indicator may come first, in a frame of its own, when the search outlasts the typing delay.
        bool IsAnswer(JsonObject a) => DirectLineTestClient.IsBotReplyTo(a, id) && (string?)a["type"] == "message";
        var frames = await DirectLineTestClient.ReceiveFramesUntilAsync(socket, seen => seen.Any(IsAnswer));

        var answer = Assert.Single(frames.Single(f => f.Activities.Any(IsAnswer)).Activities);
        Assert.StartsWith("You can track your order", (string?)answer["text"]);
        Assert.DoesNotContain("Did this answer", (string?)answer["text"]);
        var attachment = Assert.Single(answer["attachments"]!.AsArray())!;
        Assert.Equal(("text/plain", "Did this answer your question?"), ((string?)attachment["contentType"], (string?)attachment["content"]));
        Assert.Equal(["Yes", "No"], answer["suggestedActions"]!["actions"]!.AsArray().Select(a => (string?)a!["title"]));
        Assert.Equal("expectingInput", (string?)answer["inputHint"]);
        Assert.Equal((Sequence(id) + 1).ToString(CultureInfo.InvariantCulture), frames[^1].Watermark);

        // The button sends its title, as typing it does.
        var no = await client.PostMessageAsync(conversationId, token, "No");
        var log = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => DirectLineTestClient.IsBotReplyTo(a, no)));
        Assert.Equal("Sorry that didn't help. Would you like to talk to a person?", (string?)log.Single(a => DirectLineTestClient.IsBotReplyTo(a, no))["text"]);
    }

    [Fact]
    public async Task An_agent_who_joins_during_the_turn_is_announced_after_the_bots_place_in_line()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", "Correct-horse-9", StaffRoles.Agent);
        using var staff = new StaffClient(app);
        await staff.SignInAsync("anna@example.com", "Correct-horse-9");
        await using var anna = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, AgentConsoleExtensions.HubPath), o => o.Cookies = staff.Cookies)
            .Build();
        await anna.StartAsync();
        await anna.InvokeAsync("SetPresence", "online");
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        // The turn says where the customer is in line, then assigns the waiting chat at once: Anna joins within the same turn.
        await client.PostMessageAsync(conversationId, token, "talk to a human");
        var log = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => ((string?)a["text"])?.Contains("has joined") == true));

        var fromBot = log.Where(a => (string?)a["from"]?["role"] == "bot").Select(a => (string?)a["text"]).ToList();
        Assert.Equal(2, fromBot.Count);
        Assert.Contains("in line", fromBot[0]);
        Assert.Contains("has joined", fromBot[1]);
    }

    [Fact]
    public async Task The_customer_reads_the_answer_while_the_turn_is_still_being_saved()
    {
        var saving = new HeldTurnStore();
        using var app = new AppServer(services: s =>
        {
            var stored = s.Last(d => d.ServiceType == typeof(IConversationTurnStore));
            s.Remove(stored);
            s.AddSingleton<IConversationTurnStore>(sp => saving.Around((IConversationTurnStore)ActivatorUtilities.CreateInstance(sp, stored.ImplementationType!)));
        });
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();
        using var socket = await DirectLineTestClient.ConnectAsync(streamUrl);

        var posting = client.PostMessageAsync(conversationId, token, "How do I track my order?");
        var (activities, _) = await DirectLineTestClient.ReceiveUntilAsync(socket,
            seen => seen.Any(a => (string?)a["type"] == "message" && ((string?)a["text"] ?? "").StartsWith("You can track your order", StringComparison.Ordinal)));

        // The answer came while the write was held (nothing is written before the release), so before the turn was saved.
        await saving.Started.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(posting.IsCompleted);
        Assert.Equal(0, saving.Written);
        saving.Release();
        var id = await posting;
        Assert.Contains(activities, a => (string?)a["replyToId"] == id);
        Assert.Equal(1, saving.Written);
    }

    /// <summary>Holds every turn's end-of-turn write until released.</summary>
    private sealed class HeldTurnStore
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _written;

        public Task Started => _started.Task;

        public int Written => Volatile.Read(ref _written);

        public void Release() => _released.TrySetResult();

        public IConversationTurnStore Around(IConversationTurnStore inner) => new Store(this, inner);

        private sealed class Store(HeldTurnStore held, IConversationTurnStore inner) : IConversationTurnStore
        {
            public async Task<TurnWriteResult> WriteAsync(FinishedTurn turn, CancellationToken cancellationToken)
            {
                held._started.TrySetResult();
                await held._released.Task.WaitAsync(cancellationToken);
                var result = await inner.WriteAsync(turn, cancellationToken);
                Interlocked.Increment(ref held._written);
                return result;
            }
        }
    }

    /// <summary>Three replies to every message, so there is a turn with more than one reply to deliver.</summary>
    private sealed class ThreeRepliesBot : IBot
    {
        public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            if (turn.Activity.Type == ActivityTypes.Message)
            {
                foreach (var text in new[] { "one", "two", "three" })
                {
                    await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);
                }
            }
        }

        public Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    // Direct Line activity ids are "{conversationId}|{sequence}".
    private static long Sequence(string id) => long.Parse(id[(id.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture);
}
