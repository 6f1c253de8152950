using System.Text.Json;
using System.Text.RegularExpressions;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Conversation.Tests.Infrastructure;

/// <summary>
/// Our stand-in for Bot.Builder.Testing's TestFlow: a lazy chain of sends and assertions over the
/// real <see cref="TurnProcessor"/>, run by <see cref="StartTestAsync"/>. Each assertion takes the
/// next reply; typing indicators are skipped unless <see cref="WithTyping"/> is used. Turns run to
/// completion before the next step, so no assertion waits on a clock.
/// </summary>
public sealed class TestFlow
{
    public const string UserId = "user1";
    public const string BotId = "bot";
    public const string ServiceUrl = "https://test.example/";

    private readonly ConversationTestHost _host;
    private readonly RecordingSink _sink = new();
    private readonly List<Func<Task>> _steps = [];
    private int _nextId;
    private bool _includeTyping;

    /// <summary>A new conversation (its own id) on <paramref name="host"/>: <c>await new TestFlow(host).Send("hi").AssertReply(...).StartTestAsync()</c>.</summary>
    public TestFlow(ConversationTestHost host, string channelId = Channels.Test, string locale = "en-US")
    {
        _host = host;
        ChannelId = channelId;
        Locale = locale;
    }

    public string ChannelId { get; }
    public string Locale { get; }
    public string ConversationId { get; } = $"conv-{Guid.NewGuid():N}";
    public List<TurnResult> Results { get; } = [];
    public Activity? LastReply { get; private set; }

    public TestFlow WithTyping() { _includeTyping = true; return this; }

    public TestFlow Send(string text) => Send(NewActivity(ActivityTypes.Message, a => a.Text = text));

    /// <summary>What Teams sends for an Adaptive Card Action.Submit with object data: empty text, the data as value.</summary>
    public TestFlow SendValue(object value) =>
        Send(NewActivity(ActivityTypes.Message, a => a.Value = JsonSerializer.SerializeToElement(value, BotJson.Options)));

    public TestFlow SendEvent(string name, object? value = null) => Send(NewActivity(ActivityTypes.Event, a =>
    {
        a.Name = name;
        a.Value = value is null ? null : JsonSerializer.SerializeToElement(value, BotJson.Options);
    }));

    public TestFlow SendConversationUpdate(bool userAdded = true) => Send(NewActivity(ActivityTypes.ConversationUpdate, a =>
        a.MembersAdded = userAdded ? [new ChannelAccount { Id = BotId }, new ChannelAccount { Id = UserId }] : [new ChannelAccount { Id = BotId }]));

    public TestFlow SendEndOfConversation() => Send(NewActivity(ActivityTypes.EndOfConversation, _ => { }));

    /// <summary>Sends a copy of <paramref name="activity"/> (use it twice to replay a redelivery).</summary>
    public TestFlow Send(Activity activity)
    {
        _steps.Add(async () => Results.Add(await _host.Processor.ProcessAsync(BotJson.Clone(activity), _sink, CancellationToken.None)));
        return this;
    }

    public Activity NewActivity(string type, Action<Activity> fill)
    {
        var activity = new Activity
        {
            Type = type,
            Id = $"act-{Interlocked.Increment(ref _nextId)}",
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl,
            From = new ChannelAccount { Id = UserId, Name = "User", Role = "user" },
            Recipient = new ChannelAccount { Id = BotId, Name = "Bot", Role = "bot" },
            Conversation = new ConversationAccount { Id = ConversationId },
            Locale = Locale,
        };
        fill(activity);
        return activity;
    }

    public TestFlow AssertReply(Action<Activity> check, string? description = null)
    {
        _steps.Add(() =>
        {
            var reply = NextReply(description);
            check(reply);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>The next reply has exactly this text, and these suggested actions if any are given.</summary>
    public TestFlow AssertReply(string text, params string[] actions) => AssertReply(reply =>
    {
        Assert.Equal(text, reply.Text);
        if (actions.Length > 0)
        {
            Assert.Equal(actions, SuggestedActionTitles(reply));
        }
    }, text);

    /// <summary>
    /// The next reply is an answer: one message whose text contains <paramref name="fragment"/> and is the answer alone,
    /// with "Did this answer your question?" as its plain-text attachment and Yes / No as its suggested actions.
    /// </summary>
    public TestFlow AssertAnswer(string fragment) => AssertAnswer(fragment, "Did this answer your question?", "Yes", "No");

    public TestFlow AssertAnswer(string fragment, string prompt, params string[] choices) => AssertReply(reply =>
    {
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Contains(fragment, reply.Text ?? "");
        Assert.DoesNotContain(prompt, reply.Text ?? "");
        var attachment = Assert.Single(reply.Attachments ?? []);
        Assert.Equal((AttachmentContentTypes.PlainText, prompt), (attachment.ContentType, attachment.Content?.GetString()));
        Assert.Equal(choices, SuggestedActionTitles(reply));
        Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
    }, $"an answer containing '{fragment}'");

    public TestFlow AssertReplyContains(string fragment) =>
        AssertReply(reply => Assert.Contains(fragment, reply.Text ?? ""), $"a reply containing '{fragment}'");

    public TestFlow AssertReplyMatches(string pattern) =>
        AssertReply(reply => Assert.Matches(new Regex(pattern), reply.Text ?? ""), $"a reply matching /{pattern}/");

    public TestFlow AssertTyping() => AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type), "typing");

    public TestFlow AssertNoReply()
    {
        _steps.Add(() =>
        {
            SkipTyping();
            Assert.True(_sink.Replies.Count == 0, $"expected no reply, got: {Describe(_sink.Replies.FirstOrDefault())}");
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>The last of the replies so far must match <paramref name="pattern"/>; the ones before it are not looked at.</summary>
    public TestFlow AssertLastReplyMatches(string pattern)
    {
        _steps.Add(() =>
        {
            SkipTyping();
            Assert.True(_sink.Replies.Count > 0, $"expected a reply matching /{pattern}/, but the bot sent nothing more");
            while (_sink.Replies.Count > 0)
            {
                LastReply = _sink.Replies.Dequeue();
            }
            Assert.Matches(new Regex(pattern), LastReply!.Text ?? "");
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Send then expect, in one step: <c>Test("hi", welcome)</c>.</summary>
    public TestFlow Test(string userSays, string expected) => Send(userSays).AssertReply(expected);

    /// <summary>Runs any step of one's own between the others (e.g. to look at the database).</summary>
    public TestFlow Then(Func<Task> step) { _steps.Add(step); return this; }

    public async Task StartTestAsync()
    {
        foreach (var step in _steps)
        {
            await step();
        }
        _steps.Clear();
    }

    public static IReadOnlyList<string?> SuggestedActionTitles(Activity reply) =>
        reply.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];

    private Activity NextReply(string? expected)
    {
        if (!_includeTyping)
        {
            SkipTyping();
        }
        Assert.True(_sink.Replies.Count > 0, $"expected {expected ?? "a reply"}, but the bot sent nothing more");
        LastReply = _sink.Replies.Dequeue();
        return LastReply;
    }

    private void SkipTyping()
    {
        while (!_includeTyping && _sink.Replies.TryPeek(out var next) && next.Type == ActivityTypes.Typing)
        {
            _sink.Replies.Dequeue();
        }
    }

    private static string Describe(Activity? a) => a is null ? "nothing" : $"{a.Type} '{a.Text}'";
}
