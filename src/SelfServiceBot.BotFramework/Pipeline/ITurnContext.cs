using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Pipeline;

public interface ITurnContext
{
    /// <summary>The inbound activity (for Teams, with the bot's own @mention already removed from the text).</summary>
    Activity Activity { get; }

    /// <summary>Sends an activity into the conversation; it is addressed as a reply to the inbound activity.</summary>
    Task<string?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers the replies the channel still holds (the local Direct Line holds a turn's replies to append them together
    /// when the turn ends). A bot calls it before slow work at the end of its turn, such as saving its state, so the customer
    /// reads the answer meanwhile, as on channels that deliver each reply at once.
    /// </summary>
    Task FlushRepliesAsync(CancellationToken cancellationToken = default);

    /// <summary>Set by the bot when handling an invoke; becomes the HTTP response.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>How many activities the bot has sent in this turn.</summary>
    int SentCount { get; }

    /// <summary>
    /// The pipeline's claim on the inbound activity (<see cref="IProcessedActivityStore"/>); null when it took none (typing,
    /// no id, or an id the transport stamped a moment ago). The pipeline marks it completed after the turn, unless the bot
    /// did so in its own end-of-turn transaction and set <see cref="ClaimCompleted"/>: then a crash cannot separate the
    /// two, and the turn costs one write less.
    /// </summary>
    ActivityKey? Claim { get; }

    bool ClaimCompleted { get; set; }
}

/// <summary>Status and body answered to an invoke activity.</summary>
public sealed record InvokeResponse(int Status, object? Body);
