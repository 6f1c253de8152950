namespace SelfServiceBot.Conversation.Replies;

/// <summary>
/// A button: on Web Chat / Direct Line an imBack that sends <see cref="Title"/> as the customer's
/// message; on Teams an Adaptive Card Action.Submit that sends <see cref="SubmitData"/> as <c>value</c>.
/// </summary>
internal sealed record Choice(string Title, IReadOnlyDictionary<string, object?> SubmitData);
