using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// The conversation side of the local Direct Line: stamps what clients post, writes it to the log
/// (which echoes it back to them), runs the bot, and appends the bot's activities. Other modules
/// (e.g. an agent replying through the bot) write into a conversation with <see cref="AppendFromBotAsync"/>.
/// </summary>
public sealed class DirectLineChannel(
    IDirectLineStore store,
    DirectLineSignals signals,
    TurnProcessor turns,
    IOptions<DirectLineOptions> options,
    TimeProvider clock,
    ILogger<DirectLineChannel> logger)
{
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
        // an activity whose replyToId it has not seen yet.
        await turns.ProcessAsync(update, new DirectLineReplySink(this, conversation.Id, replyToVisible: false), cancellationToken);
        return true;
    }

    /// <summary>
    /// Stamps and logs an activity a client posted (the log entry is its echo), then runs the bot on it.
    /// <paramref name="userId"/> is the token's user, which wins over whatever the client wrote in <c>from.id</c>.
    /// </summary>
    public async Task<DirectLinePostResult> PostFromClientAsync(
        DirectLineConversationInfo conversation, string? userId, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
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

        await AppendAsync(conversation.Id, activity, cancellationToken);

        var inbound = BotJson.Clone(activity);
        inbound.ServiceUrl = serviceUrl;
        var result = await turns.ProcessAsync(inbound, new DirectLineReplySink(this, conversation.Id), cancellationToken);
        return new DirectLinePostResult(activity.Id!, result.Outcome == TurnOutcome.Failed);
    }

    /// <summary>Appends an activity from the bot's side (from.role "bot") and wakes the conversation's sockets.</summary>
    public async Task<string> AppendFromBotAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
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

        await AppendAsync(conversationId, activity, cancellationToken);
        return activity.Id!;
    }

    // Typing is only worth anything live: it goes to this instance's open sockets and skips the log (and so
    // polling clients and sockets on other instances), which saves a write and a read per turn.
    private async Task AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Typing)
        {
            activity.Id = $"{conversationId}|typing-{Guid.NewGuid():N}";
            signals.PublishLive(conversationId, BotJson.Serialize(activity));
            return;
        }
        await store.AppendAsync(conversationId, activity.Type!, sequence =>
        {
            activity.Id = ActivityId(conversationId, sequence);
            return BotJson.Serialize(activity);
        }, cancellationToken);
        signals.Notify(conversationId);
    }
}

public sealed record DirectLinePostResult(string Id, bool BotFailed);
