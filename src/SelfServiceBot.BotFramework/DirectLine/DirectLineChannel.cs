using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// The conversation side of the local Direct Line: stamps what clients post, writes it to the log
/// (which echoes it back to them), runs the bot, and appends the bot's activities: a turn's replies
/// together at its end (<see cref="DirectLineReplySink"/>). Other modules (e.g. an agent replying
/// through the bot) write into a conversation with <see cref="AppendFromBotAsync"/>.
/// </summary>
public sealed class DirectLineChannel(
    IDirectLineStore store,
    DirectLineSignals signals,
    TurnProcessor turns,
    IOptions<DirectLineOptions> options,
    TimeProvider clock,
    ILogger<DirectLineChannel> logger)
{
    // Sinks of turns running on this instance that hold replies not yet in the log, by conversation.
    private readonly ConcurrentDictionary<string, DirectLineReplySink> _holding = new();

    /// <summary>A new random conversation id: URL-safe, 22 characters.</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Activity ids are the conversation id and the sequence number, as Direct Line does it.</summary>
    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";

    public ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>
    /// Creates the conversation and tells the bot the user joined. False (and nothing sent) when
    /// the conversation already existed.
    /// </summary>
    public async Task<bool> StartAsync(DirectLineConversationInfo conversation, string? userName, string serviceUrl, CancellationToken cancellationToken)
    {
        if (!await store.CreateConversationAsync(conversation, cancellationToken))
        {
            return false;
        }
        logger.LogInformation("Direct Line conversation {ConversationId} started for user {UserId}", conversation.Id, conversation.UserId);
        var user = new ChannelAccount { Id = conversation.UserId, Name = userName, Role = "user" };
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = $"{conversation.Id}|start",
            Timestamp = clock.GetUtcNow(),
            ChannelId = Channels.DirectLine,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = user,
            Recipient = Bot,
            MembersAdded = [user],
            Locale = conversation.Locale,
        };
        // Clients never see this activity, so replies must not point at it: Web Chat holds back
        // an activity whose replyToId it has not seen yet. Its id is new (the conversation was just created): no claim.
        await RunTurnAsync(update, new DirectLineReplySink(this, conversation.Id, replyToVisible: false), cancellationToken);
        return true;
    }

    /// <summary>
    /// Stamps and logs an activity a client posted (the log entry is its echo), then runs the bot on it.
    /// <paramref name="userId"/> is the token's user, which wins over whatever the client wrote in <c>from.id</c>.
    /// With a client id (<see cref="ClientActivityIdOf"/>) a retried post is idempotent: logged and echoed once, the same id
    /// answered, and its turn run once (or finished, if the worker that began it died: docs/reliability.md).
    /// </summary>
    public async Task<DirectLinePostResult> PostFromClientAsync(
        DirectLineConversationInfo conversation, string? userId, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        var clientId = ClientActivityIdOf(activity);
        activity.From ??= new ChannelAccount();
        activity.From.Id = userId ?? activity.From.Id ?? conversation.UserId;
        activity.From.Role = "user";
        activity.Recipient = Bot;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.ChannelId = Channels.DirectLine;
        activity.Timestamp = clock.GetUtcNow();
        activity.Locale ??= conversation.Locale;
        activity.ServiceUrl = null;
        activity.CallerId = null;

        var logged = await AppendAsync(conversation.Id, [(activity, clientId)], cancellationToken);
        if (logged is [{ AlreadyLogged: true } first])
        {
            // A retry: the turn runs on what was logged the first time (its id, its timestamp).
            activity = BotJson.Deserialize<Activity>(first.Json)!;
        }

        var inbound = BotJson.Clone(activity);
        inbound.ServiceUrl = serviceUrl;
        var sink = new DirectLineReplySink(this, conversation.Id, replyKeys: clientId is null ? null : activity.Id);
        var result = await RunTurnAsync(inbound, sink, cancellationToken, mayBeRedelivered: clientId is not null);
        return new DirectLinePostResult(activity.Id!, result.Outcome == TurnOutcome.Failed, result.Outcome == TurnOutcome.Busy);
    }

    /// <summary>Longest client activity id kept; a longer one is refused (400).</summary>
    public const int MaxClientActivityIdLength = 256;

    /// <summary>The client's own id for what it posts: Web Chat's <c>channelData.clientActivityID</c>, else the activity's <c>id</c>.</summary>
    public static string? ClientActivityIdOf(Activity activity) =>
        activity.ChannelData is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } data
            && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
            && id.GetString() is { Length: > 0 } clientActivityId
            ? clientActivityId
            : string.IsNullOrEmpty(activity.Id) ? null : activity.Id;

    // Without a client id the log numbered the activity a moment ago (or the conversation was just created): it cannot be
    // a redelivery, so the turn takes no claim.
    private async Task<TurnResult> RunTurnAsync(Activity inbound, DirectLineReplySink sink, CancellationToken cancellationToken, bool mayBeRedelivered = false)
    {
        try
        {
            return await turns.ProcessAsync(inbound, sink, cancellationToken, mayBeRedelivered);
        }
        finally
        {
            if (sink.Drop() is > 0 and var dropped)
            {
                logger.LogWarning("{Count} replies in Direct Line conversation {ConversationId} could not be stored", dropped, inbound.Conversation?.Id);
            }
        }
    }

    /// <summary>
    /// Appends an activity from the bot's side (from.role "bot") and wakes the conversation's sockets. What a turn of the
    /// conversation running here has said so far goes first (e.g. "you're number 1 in line" before "Anna has joined").
    /// </summary>
    public async Task<string> AppendFromBotAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (_holding.TryGetValue(conversationId, out var turn))
        {
            await turn.FlushAsync(cancellationToken);
        }
        StampFromBot(conversationId, activity);
        await AppendAsync(conversationId, [activity], cancellationToken);
        return activity.Id!;
    }

    internal void StampFromBot(string conversationId, Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= Bot;
        activity.From.Id ??= options.Value.BotId;
        activity.From.Role = "bot";
        activity.Conversation ??= new ConversationAccount();
        activity.Conversation.Id = conversationId;
        activity.ChannelId = Channels.DirectLine;
        activity.Timestamp = clock.GetUtcNow();
        activity.ServiceUrl = null;
    }

    internal void Holding(string conversationId, DirectLineReplySink turn) => _holding[conversationId] = turn;

    internal void Released(string conversationId, DirectLineReplySink turn) =>
        _holding.TryRemove(new KeyValuePair<string, DirectLineReplySink>(conversationId, turn));

    /// <summary>
    /// Appends stamped activities in one transaction and hands them to this instance's sockets. Typing is only worth
    /// anything live: it goes to the open sockets here and skips the log (and so polling clients and other instances).
    /// </summary>
    internal Task AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        AppendAsync(conversationId, activities.Select(a => (a, (string?)null)).ToList(), cancellationToken);

    /// <summary>As above, each activity with the id that makes appending it again a no-op (null: none). The log entries.</summary>
    internal async Task<IReadOnlyList<DirectLineLogEntry>> AppendAsync(
        string conversationId, IReadOnlyList<(Activity Activity, string? ClientId)> activities, CancellationToken cancellationToken)
    {
        foreach (var (typing, _) in activities.Where(a => a.Activity.Type == ActivityTypes.Typing))
        {
            typing.Id = $"{conversationId}|typing-{Guid.NewGuid():N}";
            signals.PublishLive(conversationId, BotJson.Serialize(typing));
        }
        var logged = activities.Where(a => a.Activity.Type != ActivityTypes.Typing).ToList();
        if (logged.Count == 0)
        {
            return [];
        }
        var entries = await store.AppendAsync(conversationId, logged.Select(a => new DirectLineAppend(a.Activity.Type!, sequence =>
        {
            a.Activity.Id = ActivityId(conversationId, sequence);
            return BotJson.Serialize(a.Activity);
        }, a.ClientId)).ToList(), cancellationToken);
        // What an earlier append logged was echoed then: once is enough.
        if (entries.Where(e => !e.AlreadyLogged).ToList() is { Count: > 0 } fresh)
        {
            signals.Appended(conversationId, fresh);
        }
        return entries;
    }
}

/// <param name="StillProcessing">A retried post whose first attempt's turn a live worker is still running.</param>
public sealed record DirectLinePostResult(string Id, bool BotFailed, bool StillProcessing = false);
