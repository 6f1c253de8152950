using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Conversation.Replies;

/// <summary>
/// Shapes replies for the channel: Teams gets Adaptive Cards with Action.Submit; Web Chat, Direct
/// Line, the Emulator and tests get Markdown text with suggested actions (imBack).
/// </summary>
internal static class ReplyFactory
{
    public static bool UsesCards(string? channelId) => channelId == Channels.MsTeams;

    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Markdown };

    public static Activity Answer(string? channelId, string title, string answer) => UsesCards(channelId)
        ? new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [AdaptiveCards.Create([AdaptiveCards.TextBlock(title, heading: true), AdaptiveCards.TextBlock(answer)], [])],
        }
        : Text(answer);

    public static Activity Choices(string? channelId, string prompt, IReadOnlyList<Choice> choices)
    {
        if (UsesCards(channelId))
        {
            return new Activity
            {
                Type = ActivityTypes.Message,
                Attachments = [AdaptiveCards.Create([AdaptiveCards.TextBlock(prompt)], choices)],
            };
        }
        var reply = Text(prompt);
        reply.InputHint = InputHints.ExpectingInput;
        reply.SuggestedActions = new SuggestedActions { Actions = choices.Select(c => CardAction.ImBack(c.Title, c.Title)).ToList() };
        return reply;
    }

    public static Activity Typing() => new() { Type = ActivityTypes.Typing };
}
