using SelfServiceBot.AI.Chat;

namespace SelfServiceBot.AI.Answers;

/// <summary>
/// What composing gave: the call's reply (for the <c>model_called</c> event, whatever happened) and, when the reply was
/// usable, the answer text with its <c>[n]</c> citations and the cited sources in the order the text first cites them.
/// </summary>
public sealed record ComposedAnswer(ChatModelReply Reply, string? Text, IReadOnlyList<int> CitedSources, string? Rejection = null)
{
    /// <summary>The text can be shown; otherwise the customer gets the answer they would get without a model.</summary>
    public bool Usable => Text is not null;

    /// <summary>The model answered, but the reply was not used (the event's outcome <c>rejected</c>).</summary>
    public bool Rejected => Reply.Succeeded && !Usable;
}
